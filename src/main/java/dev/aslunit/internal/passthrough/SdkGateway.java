package dev.aslunit.internal.passthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Calls one action of one service through its SDK client, the request built from JSON and the
 * response read back to JSON by {@link SdkJson}. Clients are built once per service, endpoint and
 * region for the JVM (they are thread-safe and hold connection pools, so sandboxes share them), with
 * the SDK's default credentials chain, and without the SDK's own
 * retries: the Task's {@code Retry} decides, as the test wrote it. Only {@link PassThrough} creates
 * this class, after {@link SdkClasses} found the client, so the SDK is loaded only then.
 */
final class SdkGateway {

    /** A service's answer that is an error: the pieces Step Functions shapes its error and cause from. */
    static final class CallFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final String service;
        final String code;
        final String message;
        final int status;
        final String requestId;

        CallFailed(String service, String code, String message, int status, String requestId, String sdkMessage) {
            super(sdkMessage);
            this.service = service;
            this.code = code;
            this.message = message;
            this.status = status;
            this.requestId = requestId;
        }
    }

    private final SdkClasses classes;
    private final AwsSettings settings;
    private static final Map<List<String>, Object> CLIENTS = new ConcurrentHashMap<>();

    SdkGateway(SdkClasses classes, AwsSettings settings) {
        this.classes = classes;
        this.settings = settings;
    }

    /**
     * Calls {@code action} (as in the resource: {@code getItem}) of the SDK package's client.
     * A streamed response body (S3's {@code GetObject}) comes back as {@code Body} text; a {@code Body}
     * parameter of an upload (S3's {@code PutObject}) goes as the request body.
     */
    ObjectNode call(String sdkPackage, String action, JsonNode parameters, String resource) throws CallFailed {
        Class<?> clientClass = classes.client(sdkPackage, resource);
        Object client = CLIENTS.computeIfAbsent(List.of(sdkPackage, String.valueOf(settings.endpoint()),
                String.valueOf(settings.region())), k -> build(clientClass));
        Method method = method(clientClass, action, resource);
        JsonNode fields = parameters;
        RequestBody body = null;
        if (method.getParameterCount() == 2) {
            ObjectNode copy = parameters == null || !parameters.isObject() ? null : ((ObjectNode) parameters).deepCopy();
            JsonNode given = copy == null ? null : copy.remove("Body");
            body = given == null ? RequestBody.empty()
                    : RequestBody.fromString(given.isTextual() ? given.asText() : given.toString(), StandardCharsets.UTF_8);
            fields = copy;
        }
        SdkPojo builder;
        try {
            builder = (SdkPojo) method.getParameterTypes()[0].getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The AWS SDK request of " + resource + " has no builder: " + e, e);
        }
        SdkJson.fill(builder, fields, "The parameters of " + resource);
        Object request = ((SdkBuilder<?, ?>) builder).build();
        String service = clientClass.getSimpleName().substring(0, clientClass.getSimpleName().length() - "Client".length());
        Object response;
        try {
            response = body == null ? method.invoke(client, request) : method.invoke(client, request, body);
        } catch (InvocationTargetException e) {
            throw failure(service, e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (response instanceof ResponseInputStream<?> stream) {
            try (stream) {
                ObjectNode json = SdkJson.toJson((SdkPojo) stream.response());
                json.put("Body", new String(stream.readAllBytes(), StandardCharsets.UTF_8));
                return json;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return SdkJson.toJson((SdkPojo) response);
    }

    private static CallFailed failure(String service, Throwable cause) {
        if (cause instanceof AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            // the SDK v2 form Step Functions' aws-sdk causes carry, without the SDK's own attempt count
            String text = message + " (Service: " + service + ", Status Code: " + e.statusCode() + ", Request ID: "
                    + e.requestId() + ")";
            return new CallFailed(service, code == null ? "Unknown" : code, message, e.statusCode(), e.requestId(), text);
        }
        if (cause instanceof SdkException e) {
            return new CallFailed(service, "SdkClientException", e.getMessage(), 0, null, e.getMessage());
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        throw new IllegalStateException(cause);
    }

    private static Method method(Class<?> clientClass, String action, String resource) {
        Method withBody = null;
        for (Method m : clientClass.getMethods()) {
            if (!m.getName().equals(action) || m.getParameterCount() == 0
                    || !SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
                continue;
            }
            if (m.getParameterCount() == 1) {
                return m;
            }
            if (m.getParameterCount() == 2 && m.getParameterTypes()[1] == RequestBody.class) {
                withBody = m;
            }
        }
        if (withBody != null) {
            return withBody;
        }
        throw new IllegalArgumentException("The AWS SDK's " + clientClass.getSimpleName() + " has no action '" + action
                + "' (" + resource + "): check the action's name in the service's API reference, in camelCase.");
    }

    private Object build(Class<?> clientClass) {
        try {
            AwsClientBuilder<?, ?> builder = (AwsClientBuilder<?, ?>) clientClass.getMethod("builder").invoke(null);
            if (settings.region() != null) {
                builder.region(Region.of(settings.region()));
            }
            if (settings.endpoint() != null) {
                builder.endpointOverride(settings.endpoint());
                // S3 on a stand-in endpoint: buckets in the path, not in the host name
                optional(builder, "forcePathStyle", Boolean.class, Boolean.TRUE);
            }
            // S3 would otherwise send chunked uploads with trailing checksums, which no Step Functions call sends
            optional(builder, "requestChecksumCalculation", RequestChecksumCalculation.class,
                    RequestChecksumCalculation.WHEN_REQUIRED);
            optional(builder, "responseChecksumValidation", ResponseChecksumValidation.class,
                    ResponseChecksumValidation.WHEN_REQUIRED);
            builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                    .retryStrategy(AwsRetryStrategy.doNotRetry()).build());
            return builder.build();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build the AWS SDK's " + clientClass.getSimpleName() + ": " + e, e);
        }
    }

    private static <T> void optional(Object builder, String name, Class<T> type, T value)
            throws ReflectiveOperationException {
        try {
            Method m = builder.getClass().getMethod(name, type);
            m.setAccessible(true);
            m.invoke(builder, value);
        } catch (NoSuchMethodException e) {
            // only some services' builders have it
        }
    }
}
