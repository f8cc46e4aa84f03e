package dev.aslunit.internal.integration.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.integration.ResourceArn;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs {@code arn:aws:states:::http:invoke} Tasks for real, with the JDK's HTTP client: the request
 * is built from {@code ApiEndpoint}, {@code Method}, {@code Headers}, {@code QueryParameters},
 * {@code RequestBody} and {@code Transform} as Step Functions builds it; the result is AWS's
 * ({@code Headers}, {@code ResponseBody}, {@code StatusCode}, {@code StatusText}); a status outside
 * 2xx fails the task with {@code States.Http.StatusCode.NNN}, a connection failure with
 * {@code States.Http.Socket}.
 *
 * <p>Endpoints can be routed to a stub server ({@link #route}); a call to anything but loopback is
 * refused unless its host is allowed ({@link #allowHost}, {@link #allowAnyHost}). The call blocks
 * the engine's thread for as long as the server takes, in real time, and costs no virtual time.
 * {@code Authentication}/{@code InvocationConfig} connections are not resolved: no credentials are
 * added.
 */
public final class HttpTaskClient implements TaskHandler {

    /** AWS's HTTP Task waits up to 60 seconds for an answer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    /** Headers the JDK client refuses to set; AWS sets them itself as well. */
    private static final Set<String> UNSENDABLE = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final Map<String, String> routes = new LinkedHashMap<>();
    private final Set<String> allowedHosts = new HashSet<>();
    private boolean anyHost;
    private HttpClient client;

    /**
     * Sends calls whose {@code ApiEndpoint} starts with {@code from} (scheme, host and port, and
     * optionally a path) to {@code to} instead, keeping the rest of the URL, e.g.
     * {@code route("https://shipping.example.com", wireMock.getHttpBaseUrl())}.
     */
    public synchronized HttpTaskClient route(String from, String to) {
        URI.create(stripSlash(from));
        URI target = URI.create(stripSlash(to));
        if (target.getScheme() == null || target.getHost() == null) {
            throw new IllegalArgumentException("route(\"" + from + "\", \"" + to + "\"): the target needs a scheme and a host,"
                    + " e.g. \"http://localhost:8080\".");
        }
        routes.put(stripSlash(from), stripSlash(to));
        return this;
    }

    /** Lets HTTP tasks call this host (not loopback), e.g. {@code allowHost("api.example.com")}. */
    public synchronized HttpTaskClient allowHost(String host) {
        allowedHosts.add(host.toLowerCase(Locale.ROOT));
        return this;
    }

    /** Lets HTTP tasks call any host: a test that really wants the network. */
    public synchronized HttpTaskClient allowAnyHost() {
        anyHost = true;
        return this;
    }

    @Override
    public Optional<TaskOutcome> answer(TaskInvocation invocation) {
        return answer(invocation, exchange -> { });
    }

    /** As {@link #answer(TaskInvocation)}, handing the call as sent and answered to {@code observer}. */
    public Optional<TaskOutcome> answer(TaskInvocation invocation, Consumer<HttpExchange> observer) {
        boolean http = ResourceArn.tryParse(invocation.resource()).map(ResourceArn::isHttpInvoke).orElse(false);
        if (!http) {
            return Optional.empty();
        }
        JsonNode p = invocation.parameters() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : invocation.parameters();
        String endpoint = p.path("ApiEndpoint").isTextual() ? p.get("ApiEndpoint").textValue() : null;
        String method = p.path("Method").isTextual() ? p.get("Method").textValue().toUpperCase(Locale.ROOT) : null;
        if (endpoint == null || endpoint.isEmpty()) {
            return runtime(invocation, "the parameter ApiEndpoint must be a URL string");
        }
        if (method == null || !METHODS.contains(method)) {
            return runtime(invocation, "the parameter Method must be one of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS");
        }
        URI uri;
        try {
            uri = URI.create(withQuery(routed(endpoint), p.get("QueryParameters")));
        } catch (IllegalArgumentException e) {
            return runtime(invocation, "ApiEndpoint \"" + endpoint + "\" is not a URL: " + e.getMessage());
        }
        refuseUnlessAllowed(invocation, endpoint, uri);

        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode given = p.get("Headers");
        if (given != null && given.isObject()) {
            for (Map.Entry<String, JsonNode> h : given.properties()) {
                if (UNSENDABLE.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    return runtime(invocation, "the header \"" + h.getKey() + "\" cannot be set on an HTTP task;"
                            + " remove it from Headers");
                }
                headers.put(h.getKey(), FormEncoding.scalar(h.getValue()));
            }
        }
        String region = region(invocation.executionArn());
        headers.putIfAbsent("User-Agent", "Amazon|StepFunctions|HttpInvoke|" + region);
        headers.putIfAbsent("Range", "bytes=0-262144");

        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        String sentBody = null;
        JsonNode requestBody = p.get("RequestBody");
        if (requestBody != null && !requestBody.isNull()) {
            JsonNode transform = p.path("Transform");
            boolean urlEncoded = "URL_ENCODED".equals(transform.path("RequestBodyEncoding").asText("NONE"));
            String text;
            if (urlEncoded) {
                FormEncoding format = FormEncoding.of(transform.path("RequestEncodingOptions").path("ArrayFormat").asText(null));
                if (format == null) {
                    return runtime(invocation, "Transform.RequestEncodingOptions.ArrayFormat must be INDICES, REPEAT,"
                            + " COMMAS or BRACKETS");
                }
                if (!requestBody.isObject()) {
                    return runtime(invocation, "a URL_ENCODED RequestBody must be a JSON object");
                }
                text = format.encode(requestBody);
                putIfAbsentIgnoringCase(headers, "Content-Type", "application/x-www-form-urlencoded");
            } else {
                text = requestBody.isTextual() ? requestBody.textValue() : requestBody.toString();
                putIfAbsentIgnoringCase(headers, "Content-Type", requestBody.isTextual() ? "text/plain" : "application/json");
            }
            body = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
            sentBody = text;
        }
        headers.forEach(request::header);
        request.method(method, body);

        HttpResponse<String> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.of(TaskOutcome.failed("States.Http.Socket", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (" + method + " " + uri + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(TaskOutcome.failed("States.Http.Socket", "interrupted while calling " + uri));
        }
        observer.accept(new HttpExchange(response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1",
                method, uri.toString(), Map.copyOf(headers), sentBody, response.statusCode(),
                HttpTaskResults.statusText(response.statusCode()), response.headers().map(), response.body()));
        HttpTaskResults.Outcome outcome = HttpTaskResults.fromResponse(response.statusCode(), response.body(),
                response.headers().map());
        return Optional.of(outcome.error() == null
                ? TaskOutcome.succeeded(outcome.result())
                : TaskOutcome.failed(outcome.error(), outcome.cause()));
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        return client;
    }

    private synchronized String routed(String endpoint) {
        List<Map.Entry<String, String>> byLength = new ArrayList<>(routes.entrySet());
        byLength.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        for (Map.Entry<String, String> route : byLength) {
            String from = route.getKey();
            if (endpoint.startsWith(from) && (endpoint.length() == from.length()
                    || "/?#".indexOf(endpoint.charAt(from.length())) >= 0)) {
                return route.getValue() + endpoint.substring(from.length());
            }
        }
        return endpoint;
    }

    private synchronized void refuseUnlessAllowed(TaskInvocation invocation, String endpoint, URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (anyHost || allowedHosts.contains(host) || isLoopback(host)) {
            return;
        }
        throw new IllegalStateException("HTTP task \"" + invocation.stateName() + "\" would call " + endpoint
                + (endpoint.equals(uri.toString()) ? "" : " (" + uri + ")")
                + ", which is not loopback: tests call only this machine unless they allow more.\n"
                + "Send it to a stub server:\n  sfn.http().route(\"" + origin(uri) + "\", wireMock.getHttpBaseUrl());\n"
                + "or allow the host:\n  sfn.http().allowHost(\"" + host + "\");");
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String withQuery(String endpoint, JsonNode query) {
        if (query == null || !query.isObject() || query.isEmpty()) {
            return endpoint;
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : query.properties()) {
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> pairs.add(FormEncoding.encode(e.getKey()) + "=" + FormEncoding.encode(FormEncoding.scalar(v))));
            } else {
                pairs.add(FormEncoding.encode(e.getKey()) + "=" + FormEncoding.encode(FormEncoding.scalar(e.getValue())));
            }
        }
        return endpoint + (endpoint.contains("?") ? "&" : "?") + String.join("&", pairs);
    }

    private static void putIfAbsentIgnoringCase(Map<String, String> headers, String name, String value) {
        if (headers.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
            headers.put(name, value);
        }
    }

    private static Optional<TaskOutcome> runtime(TaskInvocation invocation, String problem) {
        return Optional.of(TaskOutcome.failed("States.Runtime", "HTTP task \"" + invocation.stateName() + "\": " + problem + "."));
    }

    private static String region(String executionArn) {
        String[] parts = String.valueOf(executionArn).split(":");
        return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "us-east-1";
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
