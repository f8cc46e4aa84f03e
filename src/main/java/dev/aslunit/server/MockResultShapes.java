package dev.aslunit.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * TestState's {@code fieldValidationMode}: a mocked Task result checked against the output shape of
 * the API the Task calls, with AWS's messages. The shapes are generated from the AWS service models
 * by {@code scripts/generate-mock-result-shapes.py} into one resource per service, read when a test
 * first mocks that service. Members the API does not have are allowed, as on AWS.
 */
final class MockResultShapes {

    private static final String FOLDER = "/dev/aslunit/server/mock-result-shapes/";
    private static final String PREFIX = "Mock result schema validation error: ";
    private static final Map<String, Optional<JsonNode>> SERVICES = new ConcurrentHashMap<>();

    private final JsonNode shapes;
    private final boolean strict;
    /** An optimized integration hands blobs over as JSON (Lambda's Payload), not as base64 text. */
    private final boolean decodedBlobs;

    private MockResultShapes(JsonNode shapes, boolean strict, boolean decodedBlobs) {
        this.shapes = shapes;
        this.strict = strict;
        this.decodedBlobs = decodedBlobs;
    }

    /**
     * What is wrong with {@code result} as the answer of {@code resource}, in AWS's words; empty
     * when it conforms, when the mode is NONE, or when no API shape applies (a Lambda function or
     * activity ARN, a {@code .sync} or {@code .waitForTaskToken} task, an HTTP Task).
     */
    static Optional<String> problem(String resource, JsonNode result, FieldValidationMode mode) {
        if (mode == FieldValidationMode.NONE || resource == null || !resource.startsWith("arn:aws:states:::")) {
            return Optional.empty();
        }
        String[] parts = resource.substring("arn:aws:states:::".length()).split(":");
        boolean sdk = parts.length == 3 && parts[0].equals("aws-sdk");
        if (!(sdk || parts.length == 2)) {
            return Optional.empty();
        }
        String service = sdk ? parts[1] : optimizedService(parts[0]);
        String action = sdk ? parts[2] : parts[1];
        if (action.contains(".")) {
            return Optional.empty();
        }
        Optional<JsonNode> model = SERVICES.computeIfAbsent(service, MockResultShapes::load);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        JsonNode output = model.get().path("operations").get(Character.toUpperCase(action.charAt(0))
                + action.substring(1));
        if (output == null) {
            return Optional.empty();
        }
        return new MockResultShapes(model.get().get("shapes"), mode == FieldValidationMode.STRICT, !sdk)
                .check(output.asText(), result, null);
    }

    /** The SDK service name behind an optimized integration's prefix. */
    private static String optimizedService(String prefix) {
        return switch (prefix) {
            case "states" -> "sfn";
            case "events" -> "eventbridge";
            case "elasticmapreduce" -> "emr";
            case "bedrock" -> "bedrockruntime";
            default -> prefix;
        };
    }

    private static Optional<JsonNode> load(String service) {
        if (!service.matches("[a-z0-9]+")) {
            return Optional.empty();
        }
        try (InputStream in = MockResultShapes.class.getResourceAsStream(FOLDER + service + ".json.gz")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(Wire.MAPPER.readTree(new GZIPInputStream(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("ASLUnit's shapes of " + service + " cannot be read", e);
        }
    }

    private Optional<String> check(String shapeName, JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        JsonNode shape = shapes.get(shapeName);
        String type = shape == null ? "document" : shape.isTextual() ? shape.asText() : shape.path("t").asText();
        String name = field == null ? "result" : field;
        switch (type) {
            case "structure" -> {
                if (!value.isObject()) {
                    return fail(name, "must be an object");
                }
                if (strict) {
                    for (JsonNode required : shape.path("r")) {
                        if (!value.has(required.asText())) {
                            return Optional.of(PREFIX + "Required field '" + required.asText() + "' is missing");
                        }
                    }
                }
                JsonNode members = shape.path("m");
                for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
                    JsonNode member = members.get(e.getKey());
                    if (member != null) {
                        Optional<String> p = check(member.asText(), e.getValue(), e.getKey());
                        if (p.isPresent()) {
                            return p;
                        }
                    }
                }
                return Optional.empty();
            }
            case "list" -> {
                if (!value.isArray()) {
                    return fail(name, "must be an array");
                }
                for (JsonNode item : value) {
                    Optional<String> p = check(shape.path("e").asText(), item, name);
                    if (p.isPresent()) {
                        return p;
                    }
                }
                return Optional.empty();
            }
            case "map" -> {
                if (!value.isObject()) {
                    return fail(name, "must be an object");
                }
                for (JsonNode item : value) {
                    Optional<String> p = check(shape.path("v").asText(), item, name);
                    if (p.isPresent()) {
                        return p;
                    }
                }
                return Optional.empty();
            }
            case "string", "timestamp" -> {
                return value.isTextual() ? lengthAndEnum(shape, value.textValue(), name) : fail(name, "must be a string");
            }
            case "blob" -> {
                if (decodedBlobs) {
                    return Optional.empty();
                }
                return value.isTextual() ? lengthAndEnum(shape, value.textValue(), name) : fail(name, "must be a string");
            }
            case "integer", "long", "float", "double", "bigdecimal", "biginteger" -> {
                boolean whole = type.equals("integer") || type.equals("long") || type.equals("biginteger");
                if (!value.isNumber() || (whole && !value.isIntegralNumber())) {
                    return fail(name, "must be a number");
                }
                if (shape.has("min") && value.doubleValue() < shape.get("min").doubleValue()) {
                    return fail(name, "is less than the minimum value");
                }
                if (shape.has("max") && value.doubleValue() > shape.get("max").doubleValue()) {
                    return fail(name, "exceeds the maximum value");
                }
                return Optional.empty();
            }
            case "boolean" -> {
                return value.isBoolean() ? Optional.empty() : fail(name, "must be a boolean");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<String> lengthAndEnum(JsonNode shape, String text, String name) {
        if (!shape.isObject()) {
            return Optional.empty();
        }
        if (shape.has("enum")) {
            for (JsonNode allowed : shape.get("enum")) {
                if (allowed.asText().equals(text)) {
                    return Optional.empty();
                }
            }
            return fail(name, "is not an expected value");
        }
        int length = text.codePointCount(0, text.length());
        if (shape.has("min") && length < shape.get("min").asInt()) {
            return fail(name, "is smaller than the minimum length");
        }
        if (shape.has("max") && length > shape.get("max").asInt()) {
            return fail(name, "exceeds the maximum length");
        }
        return Optional.empty();
    }

    private static Optional<String> fail(String field, String what) {
        return Optional.of(PREFIX + "Field '" + field + "' " + what);
    }
}
