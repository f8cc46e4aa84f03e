package dev.aslunit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Function;

/**
 * AWS JSON 1.0 over HTTP: {@code POST /} with {@code X-Amz-Target: AWSStepFunctions.<Operation>}
 * and a JSON body; answers {@code 200} with the operation's JSON, or AWS's error body
 * ({@code __type}, {@code message}) with its status. Nothing a client sends or fails to send
 * reaches the caller as an exception: malformed requests get AWS-style errors and a client gone
 * mid-request is dropped quietly, so the server keeps serving.
 */
final class AwsJsonHandler implements HttpHandler {

    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** A 1 MiB definition of multi-byte characters plus the envelope; AWS rejects larger bodies too. */
    private static final int MAX_BODY = 4 * Request.MAX_DEFINITION + 65_536;
    private static final System.Logger LOG = System.getLogger(AwsJsonHandler.class.getName());

    private final ObjectMapper mapper;
    private final Map<String, Function<Request, ObjectNode>> operations;
    private final Ids ids;

    AwsJsonHandler(ObjectMapper mapper, Map<String, Function<Request, ObjectNode>> operations, Ids ids) {
        this.mapper = mapper;
        this.ids = ids;
        this.operations = operations;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            int status = 200;
            ObjectNode response;
            try {
                response = dispatch(exchange);
            } catch (ApiException e) {
                status = e.status();
                response = mapper.createObjectNode();
                e.writeTo(response);
            } catch (RuntimeException | Error e) {
                // A defect of ours (even a StackOverflowError on absurd input) answers this request with
                // AWS's InternalFailure; the server keeps serving the others.
                LOG.log(System.Logger.Level.WARNING, "Internal error answering " + target(exchange) + ": " + e);
                LOG.log(System.Logger.Level.DEBUG, "Internal error", e);
                status = 500;
                response = mapper.createObjectNode();
                new ApiException("InternalFailure", 500, "Internal error: " + e, Map.of()).writeTo(response);
            }
            byte[] bytes = mapper.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", ids.uuid());
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client went away mid-request or mid-response: nothing to answer, nobody to tell.
            LOG.log(System.Logger.Level.DEBUG, "Client disconnected", e);
        }
    }

    private ObjectNode dispatch(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            drain(exchange.getRequestBody());
            throw new ApiException("UnknownOperationException", 404,
                    "Step Functions takes POST requests with an X-Amz-Target header, not " + exchange.getRequestMethod(),
                    Map.of());
        }
        String target = target(exchange);
        Function<Request, ObjectNode> operation = target != null && target.startsWith(TARGET_PREFIX)
                ? operations.get(target.substring(TARGET_PREFIX.length())) : null;
        byte[] body = read(exchange.getRequestBody());
        if (operation == null) {
            throw new ApiException("UnknownOperationException", 400,
                    target == null ? "Missing X-Amz-Target header" : "Unknown operation " + target, Map.of());
        }
        JsonNode json;
        try {
            json = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException("SerializationException", 400,
                    "The request body is not valid JSON: " + e.getOriginalMessage(), Map.of());
        }
        if (json == null || !json.isObject()) {
            throw new ApiException("SerializationException", 400, "The request body must be a JSON object", Map.of());
        }
        return operation.apply(new Request((ObjectNode) json));
    }

    private static String target(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("X-Amz-Target");
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            drain(in);
            throw new ApiException("ValidationException", 413,
                    "Request body exceeds " + MAX_BODY + " bytes", Map.of());
        }
        return bytes;
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }
}
