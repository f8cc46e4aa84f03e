package dev.aslunit.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.engine.TaskInvocation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The full responses AWS's integrations return, built around the part a test cares about, with
 * the field names, nesting and types AWS uses (recorded against AWS: see the conformance cases).
 */
public final class ServiceResponses {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private ServiceResponses() {
    }

    /**
     * AWS's full result for a Task, from the part a test gave: where AWS wraps a service's answer
     * (the {@code lambda:invoke} {@code Payload}), the wrapper is added; elsewhere the given result
     * is the result. Only request-response calls are wrapped: a {@code .waitForTaskToken} result
     * is what the callback sent.
     */
    public static JsonNode complete(TaskInvocation invocation, JsonNode given) {
        ResourceArn arn = ResourceArn.tryParse(invocation.resource()).orElse(null);
        if (arn == null || arn.pattern() != IntegrationPattern.REQUEST_RESPONSE) {
            return given;
        }
        if (arn.isLambdaInvoke()) {
            return lambdaInvoke(given, requestId(invocation), invocation.now());
        }
        return given;
    }

    /** The request id AWS would give this call, the same on every run. */
    public static String requestId(TaskInvocation invocation) {
        return AwsIds.uuid(String.valueOf(invocation.executionArn()), invocation.stateName(),
                Integer.toString(invocation.invocation()), "RequestId");
    }

    /**
     * {@code arn:aws:states:::lambda:invoke}'s result: {@code ExecutedVersion}, {@code Payload},
     * {@code SdkHttpMetadata}, {@code SdkResponseMetadata}, {@code StatusCode} 200.
     */
    public static ObjectNode lambdaInvoke(JsonNode payload, String requestId, Instant now) {
        ObjectNode out = JSON.objectNode();
        out.put("ExecutedVersion", "$LATEST");
        out.set("Payload", payload);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Connection", "keep-alive");
        headers.put("Content-Length", Integer.toString(payload.toString().getBytes(StandardCharsets.UTF_8).length));
        headers.put("Content-Type", "application/json");
        headers.put("Date", HTTP_DATE.format(now));
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("x-amzn-RequestId", requestId);
        headers.put("X-Amzn-Trace-Id", "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-"
                + AwsIds.hex(24, requestId, "trace") + ";Sampled=0");
        out.set("SdkHttpMetadata", sdkHttpMetadata(headers, 200));
        out.set("SdkResponseMetadata", JSON.objectNode().put("RequestId", requestId));
        out.put("StatusCode", 200);
        return out;
    }

    /**
     * The AWS SDK for Java v1 metadata that optimized integrations (Lambda, SNS, SQS, DynamoDB,
     * Step Functions) add: every header once in {@code HttpHeaders} and as a list in
     * {@code AllHttpHeaders}, and the status code.
     */
    public static ObjectNode sdkHttpMetadata(Map<String, String> headers, int statusCode) {
        ObjectNode all = JSON.objectNode();
        ObjectNode single = JSON.objectNode();
        headers.forEach((name, value) -> {
            all.set(name, JSON.arrayNode().add(value));
            single.put(name, value);
        });
        ObjectNode out = JSON.objectNode();
        out.set("AllHttpHeaders", all);
        out.set("HttpHeaders", single);
        out.put("HttpStatusCode", statusCode);
        return out;
    }
}
