package dev.aslunit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.integration.http.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** AWS's {@code TestState} operation over {@link StateTest}: every request member, AWS's answer member for member. */
final class TestStateOperation {

    /** inspectionData members that are numbers, and the one that is an object, rather than JSON text. */
    private static final Set<String> NUMBERS = Set.of("maxConcurrency", "toleratedFailureCount",
            "toleratedFailurePercentage");
    private static final String OBJECT = "errorDetails";

    /** The server's task handlers, its HTTP endpoints handing each call they make to the given observer. */
    private final Function<Consumer<HttpExchange>, TaskHandler> handlers;

    TestStateOperation(Function<Consumer<HttpExchange>, TaskHandler> handlers) {
        this.handlers = handlers;
    }

    void register(Map<String, Function<Request, ObjectNode>> operations) {
        operations.put("TestState", this::testState);
    }

    private ObjectNode testState(Request r) {
        String definition = r.required("definition", Request.MAX_DEFINITION);
        String roleArn = r.optional("roleArn", Request.MAX_ARN);
        String input = r.payload("input");
        InspectionLevel inspectionLevel = enumMember(InspectionLevel.class, "inspectionLevel",
                r.optional("inspectionLevel", 16), InspectionLevel.INFO);
        boolean revealSecrets = r.bool("revealSecrets", false);
        String variables = r.payload("variables");
        String stateName = r.optional("stateName", 80);
        String context = r.payload("context");
        StateTest test = StateTest.create(definition, stateName);
        try {
            if (input != null) {
                test.input(input);
            }
            if (variables != null) {
                test.variables(variables);
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage());
        }
        test.inspectionLevel(inspectionLevel).revealSecrets(revealSecrets).roleArn(roleArn);
        if (context != null) {
            JsonNode mockMember = r.node("mock");
            if (mockMember == null || mockMember.isNull()) {
                // AWS: "This field may only be specified if a mock is specified in the same request."
                throw ApiException.validation("Invalid Context object provided: a Context object may only be specified"
                        + " with a mock");
            }
            test.context(context);
        }
        JsonNode mockMember = r.node("mock");
        if (roleArn == null && (mockMember == null || mockMember.isNull()) && "Task".equals(test.stateType())) {
            // without a mock the Task calls its service, with the role's permissions
            throw ApiException.validation("RoleArn must be specified when testing a Task state");
        }
        List<HttpExchange> calls = new ArrayList<>();
        mock(r.node("mock"), test, handlers.apply(calls::add));
        configuration(r.node("stateConfiguration"), test);
        StateTestResult result = test.runChecked();
        ObjectNode out = Wire.object().put("status", result.status());
        putIfPresent(out, "output", result.output());
        putIfPresent(out, "error", result.error());
        putIfPresent(out, "cause", result.cause());
        putIfPresent(out, "nextState", result.nextState());
        if (inspectionLevel != InspectionLevel.INFO) {
            ObjectNode data = out.putObject("inspectionData");
            result.inspectionData().forEach((member, json) -> {
                if (NUMBERS.contains(member) || OBJECT.equals(member)) {
                    data.set(member, Definitions.parse(json));
                } else {
                    data.put(member, json);
                }
            });
            if (inspectionLevel == InspectionLevel.TRACE && !calls.isEmpty()) {
                exchange(data, calls.get(calls.size() - 1));
            }
        }
        return out;
    }

    /** TRACE's raw HTTP request and response of an HTTP Task; headers one {@code Name: value} a line. */
    private static void exchange(ObjectNode data, HttpExchange call) {
        ObjectNode request = data.putObject("request");
        request.put("protocol", call.protocol());
        request.put("method", call.method());
        request.put("url", call.url());
        request.put("headers", lines(call.requestHeaders().entrySet().stream()
                .map(h -> h.getKey() + ": " + h.getValue()).toList()));
        request.put("body", call.requestBody() == null ? "" : call.requestBody());
        ObjectNode response = data.putObject("response");
        response.put("protocol", call.protocol());
        response.put("statusCode", String.valueOf(call.statusCode()));
        response.put("statusMessage", call.statusMessage());
        response.put("headers", lines(call.responseHeaders().entrySet().stream()
                .filter(h -> !h.getKey().startsWith(":"))
                .map(h -> h.getKey() + ": " + String.join(", ", h.getValue())).toList()));
        response.put("body", call.responseBody());
    }

    private static String lines(List<String> lines) {
        return lines.stream().sorted().collect(Collectors.joining("\n"));
    }

    private static void mock(JsonNode mock, StateTest test, TaskHandler handler) {
        if (mock == null || mock.isNull()) {
            test.taskHandler(handler);
            return;
        }
        if (!mock.isObject()) {
            throw ApiException.validation("Start of structure or map found where not expected: mock must be an object");
        }
        JsonNode result = mock.get("result");
        JsonNode errorOutput = mock.get("errorOutput");
        boolean hasResult = result != null && !result.isNull();
        boolean hasError = errorOutput != null && !errorOutput.isNull();
        if (hasResult && hasError) {
            throw ApiException.validation("A test mock should have only one of the following fields: [result, errorOutput].");
        }
        if (!hasResult && !hasError) {
            throw ApiException.validation("A test mock should have one of the following fields: [result, errorOutput].");
        }
        if (hasResult) {
            if (!result.isTextual()) {
                throw ApiException.validation("mock.result must be a string of JSON text");
            }
            test.mockResult(result.textValue());
        } else {
            JsonNode error = errorOutput.get("error");
            if (error == null || !error.isTextual()) {
                throw ApiException.constraint("mock.errorOutput.error", null, "Member must not be null");
            }
            test.mockError(error.textValue(), errorOutput.path("cause").asText(null));
        }
        test.fieldValidationMode(enumMember(FieldValidationMode.class, "mock.fieldValidationMode",
                mock.path("fieldValidationMode").asText(null), FieldValidationMode.STRICT));
    }

    private static void configuration(JsonNode c, StateTest test) {
        if (c == null || c.isNull()) {
            return;
        }
        Integer retries = count(c, "retrierRetryCount");
        if (retries != null) {
            test.retrierRetryCount(retries);
        }
        Integer failures = count(c, "mapIterationFailureCount");
        if (failures != null) {
            test.mapIterationFailureCount(failures);
        }
        JsonNode causedBy = c.get("errorCausedByState");
        if (causedBy != null && !causedBy.isNull()) {
            if (!causedBy.isTextual() || causedBy.textValue().isEmpty() || causedBy.textValue().length() > 80) {
                throw ApiException.constraint("stateConfiguration.errorCausedByState", causedBy.asText(),
                        "Member must have length between 1 and 80");
            }
            test.errorCausedByState(causedBy.textValue());
        }
        JsonNode itemReaderData = c.get("mapItemReaderData");
        if (itemReaderData != null && !itemReaderData.isNull()) {
            test.mapItemReaderData(itemReaderData.asText());
        }
    }

    private static Integer count(JsonNode c, String member) {
        JsonNode v = c.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || v.asInt() < 0) {
            throw ApiException.constraint("stateConfiguration." + member, v.asText(),
                    "Member must have value greater than or equal to 0");
        }
        return v.asInt();
    }

    private static <E extends Enum<E>> E enumMember(Class<E> type, String member, String value, E defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.constraint(member, value, "Member must satisfy enum value set: "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static void putIfPresent(ObjectNode out, String member, String value) {
        if (value != null) {
            out.put(member, value);
        }
    }
}
