package dev.aslunit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.engine.TaskHandler;
import java.util.Map;
import java.util.function.Function;

/** AWS's {@code TestState} operation over {@link StateTest}. */
final class TestStateOperation {

    private final TaskHandler userHandler;

    TestStateOperation(TaskHandler userHandler) {
        this.userHandler = userHandler;
    }

    void register(Map<String, Function<Request, ObjectNode>> operations) {
        operations.put("TestState", this::testState);
    }

    private ObjectNode testState(Request r) {
        String definition = r.required("definition", Request.MAX_DEFINITION);
        r.optional("roleArn", Request.MAX_ARN);
        String input = r.payload("input");
        String level = r.optional("inspectionLevel", 16);
        String variables = r.payload("variables");
        String stateName = r.optional("stateName", 80);
        for (String unsupported : new String[] {"context", "stateConfiguration"}) {
            if (r.node(unsupported) != null && !r.node(unsupported).isNull()) {
                throw ApiException.validation("ASLUnit's TestState does not take '" + unsupported + "' yet: leave it "
                        + "out, or test the state inside its state machine with StartExecution");
            }
        }
        InspectionLevel inspectionLevel;
        try {
            inspectionLevel = level == null ? InspectionLevel.INFO : InspectionLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw ApiException.constraint("inspectionLevel", level, "Member must satisfy enum value set: [INFO, DEBUG, TRACE]");
        }
        StateTest test;
        try {
            test = stateName == null ? StateTest.of(definition) : StateTest.of(definition, stateName);
            if (input != null) {
                test.input(input);
            }
            if (variables != null) {
                test.variables(variables);
            }
        } catch (IllegalArgumentException e) {
            throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + e.getMessage() + "'");
        }
        test.inspectionLevel(inspectionLevel);
        JsonNode mock = r.node("mock");
        if (mock != null && mock.has("result")) {
            try {
                test.mockResult(mock.get("result").asText());
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("Invalid mock.result: " + e.getMessage());
            }
        } else if (mock != null && mock.has("errorOutput")) {
            JsonNode e = mock.get("errorOutput");
            test.mockError(e.path("error").asText(null), e.path("cause").asText(null));
        } else if (userHandler != null) {
            test.taskHandler(userHandler);
        }
        StateTestResult result = test.runChecked();
        ObjectNode out = Wire.object().put("status", result.status());
        putIfPresent(out, "output", result.output());
        putIfPresent(out, "error", result.error());
        putIfPresent(out, "cause", result.cause());
        putIfPresent(out, "nextState", result.nextState());
        if (inspectionLevel != InspectionLevel.INFO) {
            ObjectNode data = out.putObject("inspectionData");
            result.inspectionData().forEach(data::put);
        }
        return out;
    }

    private static void putIfPresent(ObjectNode out, String member, String value) {
        if (value != null) {
            out.put(member, value);
        }
    }
}
