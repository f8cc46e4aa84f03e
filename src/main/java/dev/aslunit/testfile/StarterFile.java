package dev.aslunit.testfile;

import dev.aslunit.internal.pipeline.Models;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aslunit.Execution;
import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.internal.definition.ChoiceRule;
import dev.aslunit.internal.definition.ChoiceState;
import dev.aslunit.internal.definition.FailState;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.definition.SucceedState;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.integration.IntegrationPattern;
import dev.aslunit.internal.integration.ResourceArn;
import dev.aslunit.internal.definition.StateNames;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.mock.TaskResults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aslunit init}: a starting test file for a definition. Every Task gets a mock with a result
 * shaped as its integration answers; the paths through the top-level Choice states are found
 * statically, an input is derived from each Choice rule on the way (the value a comparison needs, or
 * one that fails every rule for the {@code Default}), and each input is run once: the file records
 * what happened, one case per distinct path, so it passes as written and every case is a place to
 * start asserting what should happen.
 */
public final class StarterFile {

    /** More paths than this through a definition's Choices are left for the user to write. */
    static final int MAX_CASES = 16;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StarterFile() {
    }

    /**
     * The YAML text of the file.
     *
     * @param definition the ASL file, template or {@code cdk.out}
     * @param logicalId the state machine in a template or CDK app, or {@code null}
     * @param testFile where the file will be written: the definition is named relative to its directory
     */
    public static String render(Path definition, String logicalId, Map<String, String> substitutions, Path testFile) {
        StepFunctionsConfig.Builder config = StepFunctionsConfig.newBuilder().definition(definition.toString())
                .substitutions(substitutions);
        if (logicalId != null) {
            config.logicalId(logicalId);
        }
        PreparedStateMachine prepared = PreparedStateMachine.prepare(config.build(), null);
        StateMachineDefinition machine = Models.definition(prepared);

        ObjectNode file = JSON.objectNode();
        ObjectNode stateMachine = file.putObject("stateMachine");
        Path base = testFile.toAbsolutePath().normalize().getParent();
        String relative = base.relativize(definition.toAbsolutePath().normalize()).toString().replace('\\', '/');
        boolean cdk = java.nio.file.Files.isDirectory(definition);
        if (logicalId == null) {
            stateMachine.put("definition", relative);
        } else if (cdk) {
            stateMachine.put("cdkOut", relative).put("constructPath", logicalId);
        } else {
            stateMachine.put("template", relative).put("logicalId", logicalId);
        }
        if (!substitutions.isEmpty()) {
            ObjectNode subs = stateMachine.putObject("substitutions");
            substitutions.forEach(subs::put);
        }
        ObjectNode mocks = file.putObject("mocks");
        StateNames.taskStates(machine).forEach((name, task) -> mocks.set(name, defaultAnswer(task)));

        ArrayNode cases = file.putArray("cases");
        Set<List<String>> seen = new LinkedHashSet<>();
        for (Route route : routes(machine)) {
            if (seen.size() >= MAX_CASES) {
                break;
            }
            StateMachineUnderTest sfn = prepared.newTest();
            mocks.fields().forEachRemaining(m -> mock(sfn.mock(m.getKey()), m.getValue()));
            Execution execution = sfn.run(route.input());
            if (!seen.add(execution.path())) {
                continue;
            }
            ObjectNode c = cases.addObject();
            c.put("name", String.join(" → ", execution.path()));
            c.set("input", route.input());
            ObjectNode expect = c.putObject("expect");
            expect.put("status", execution.status().name());
            if (execution.status() != Execution.Status.SUCCEEDED && execution.error() != null) {
                expect.put("error", execution.error());
            }
            ArrayNode path = expect.putArray("path");
            execution.path().forEach(path::add);
        }
        return header(definition) + yaml(file);
    }

    private static String header(Path definition) {
        return "# yaml-language-server: $schema=https://raw.githubusercontent.com/aslunit/aslunit/main/docs/schema/aslunit-test.schema.json\n"
                + "# Written by `aslunit init " + definition.toString().replace('\\', '/') + "`: every Task has a mock"
                + " answering as its integration does, and\n"
                + "# each case is one path through the Choice states, with what the run did. Make the mocks and inputs"
                + " yours,\n# then say what each case should do (docs/test-files.md). Run it with `aslunit test`.\n";
    }

    private static String yaml(ObjectNode file) {
        try {
            return new YAMLMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build()).writeValueAsString(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the starter file: " + e.getMessage(), e);
        }
    }

    /** What a mock of this Task answers unless told otherwise: the part of AWS's answer a test gives (ASLUnit adds the rest). */
    static ObjectNode defaultAnswer(TaskState task) {
        ObjectNode answer = JSON.objectNode();
        ResourceArn arn = ResourceArn.tryParse(task.resource()).orElse(null);
        if (arn != null && arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            selected(task, null, answer.putObject("sendsSuccess"));
            return answer;
        }
        if (arn != null && arn.isHttpInvoke()) {
            selected(task, "ResponseBody", answer.putObject("httpResponse").put("status", 200).putObject("body"));
            return answer;
        }
        String key = arn == null || arn.kind() != ResourceArn.Kind.SERVICE ? "" : arn.service() + ":" + arn.action();
        ObjectNode result = answer.putObject("returns");
        selected(task, key.equals("lambda:invoke") && !arn.pattern().isSync() ? "Payload" : null, result);
        switch (key) {
            // lambda:invoke's mock gives the Payload; StatusCode, ExecutedVersion and the HTTP metadata are added
            case "dynamodb:getItem" -> {
                if (!result.has("Item")) {
                    result.putObject("Item");
                }
            }
            case "states:startExecution" -> {
                if (arn.pattern().isSync() && !result.has("Output")) {
                    result.putObject("Output");
                }
            }
            case "ecs:runTask", "batch:submitJob", "glue:startJobRun", "athena:startQueryExecution",
                    "sns:publish", "sqs:sendMessage", "events:putEvents", "dynamodb:putItem",
                    "dynamodb:updateItem", "dynamodb:deleteItem", "lambda:invoke" -> {
                // the mock's empty answer is completed with AWS's response fields (MessageId, Entries, ...)
            }
            default -> {
                // an AWS SDK integration, an activity or a Lambda function ARN answers what the test says
            }
        }
        return answer;
    }

    /**
     * Puts a placeholder in {@code result} at every field the Task's JSONPath {@code ResultSelector}
     * reads ({@code "id.$": "$.Payload.id"}), so that the starting mocks get past it; {@code wrapper}
     * is the part of AWS's answer the mock does not give ({@code Payload} of lambda:invoke).
     */
    private static void selected(TaskState task, String wrapper, ObjectNode result) {
        if (task.resultSelector() == null) {
            return;
        }
        List<String> paths = new ArrayList<>();
        collectPaths(task.resultSelector(), paths);
        for (String path : paths) {
            if (!path.matches("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+")) {
                continue;
            }
            String[] fields = path.substring(2).split("\\.");
            if (wrapper != null) {
                if (!fields[0].equals(wrapper) || fields.length == 1) {
                    continue;
                }
                fields = java.util.Arrays.copyOfRange(fields, 1, fields.length);
            }
            set(result, fields, JSON.textNode(fields[fields.length - 1]));
        }
    }

    private static void collectPaths(JsonNode node, List<String> out) {
        node.fields().forEachRemaining(e -> {
            if (e.getKey().endsWith(".$") && e.getValue().isTextual()) {
                out.add(e.getValue().textValue());
            } else if (e.getValue().isObject()) {
                collectPaths(e.getValue(), out);
            }
        });
    }

    private static void mock(TaskMock mock, JsonNode answer) {
        if (answer.has("sendsSuccess")) {
            mock.sendsTaskSuccessAfter(Duration.ZERO, answer.get("sendsSuccess").toString());
        } else if (answer.has("httpResponse")) {
            JsonNode http = answer.get("httpResponse");
            mock.returns(TaskResults.httpResponse(http.get("status").intValue(), http.get("body").toString()));
        } else {
            mock.returns(answer.get("returns"));
        }
    }

    /** One way through the top-level Choice states, and an input meant to take it. */
    private record Route(ObjectNode input) {
    }

    /** The routes from StartAt, each state at most once per route, at most {@link #MAX_CASES} times four. */
    private static List<Route> routes(StateMachineDefinition machine) {
        List<Route> out = new ArrayList<>();
        walk(machine, machine.startAt(), fieldsTheTasksRead(machine), new LinkedHashSet<>(), out);
        if (out.isEmpty()) {
            out.add(new Route(JSON.objectNode()));
        }
        return out;
    }

    /** A placeholder for every input field a Task's JSONPath {@code Parameters} read, so that the first run gets past them. */
    private static ObjectNode fieldsTheTasksRead(StateMachineDefinition machine) {
        ObjectNode input = JSON.objectNode();
        for (TaskState task : StateNames.taskStates(machine).values()) {
            if (task.parameters() == null || !task.parameters().isObject()) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            collectPaths(task.parameters(), paths);
            for (String path : paths) {
                if (path.matches("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+")) {
                    String[] fields = path.substring(2).split("\\.");
                    set(input, fields, JSON.textNode(fields[fields.length - 1]));
                }
            }
        }
        return input;
    }

    private static void walk(StateMachineDefinition machine, String name, ObjectNode input, Set<String> visited,
            List<Route> out) {
        if (out.size() >= MAX_CASES * 4) {
            return;
        }
        State state = name == null ? null : machine.states().get(name);
        if (state == null || !visited.add(name)) {
            out.add(new Route(input));
            return;
        }
        if (state instanceof ChoiceState choice) {
            for (int i = 0; i < choice.choices().size(); i++) {
                ObjectNode taken = input.deepCopy();
                for (int j = 0; j < i; j++) {
                    satisfy(choice.choices().get(j).rule(), false, taken);
                }
                satisfy(choice.choices().get(i).rule(), true, taken);
                walk(machine, choice.choices().get(i).next(), taken, new LinkedHashSet<>(visited), out);
            }
            if (choice.defaultNext() != null) {
                ObjectNode otherwise = input.deepCopy();
                choice.choices().forEach(c -> satisfy(c.rule(), false, otherwise));
                walk(machine, choice.defaultNext(), otherwise, new LinkedHashSet<>(visited), out);
            }
            return;
        }
        if (state instanceof SucceedState || state instanceof FailState || state.transition() == null
                || state.transition().end()) {
            out.add(new Route(input));
            return;
        }
        walk(machine, state.transition().next(), input, visited, out);
    }

    /**
     * Sets in {@code input} the values that make a JSONPath rule {@code want} (true or false) where
     * it reads the execution input ({@code $.a.b}); rules it cannot satisfy (JSONata conditions,
     * paths into results or variables) are left as they are, and the run shows where the input led.
     */
    private static void satisfy(ChoiceRule rule, boolean want, ObjectNode input) {
        if (rule instanceof ChoiceRule.And and) {
            if (want) {
                and.rules().forEach(r -> satisfy(r, true, input));
            } else if (!and.rules().isEmpty()) {
                satisfy(and.rules().get(0), false, input);
            }
        } else if (rule instanceof ChoiceRule.Or or) {
            if (want && !or.rules().isEmpty()) {
                satisfy(or.rules().get(0), true, input);
            } else if (!want) {
                or.rules().forEach(r -> satisfy(r, false, input));
            }
        } else if (rule instanceof ChoiceRule.Not not) {
            satisfy(not.rule(), !want, input);
        } else if (rule instanceof ChoiceRule.Comparison c) {
            JsonNode value = value(c, want);
            if (value != null && c.variable() != null && c.variable().matches("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+")) {
                set(input, c.variable().substring(2).split("\\."), value);
            }
        }
        // a JSONata Condition: nothing to derive statically
    }

    /** A value for which the comparison is {@code want}; {@code null} when that takes leaving the field out or is unknown. */
    private static JsonNode value(ChoiceRule.Comparison c, boolean want) {
        JsonNode operand = c.operand();
        if (c.operator().comparesWithPath()) {
            return null;
        }
        return switch (c.operator()) {
            case STRING_EQUALS -> JSON.textNode(want ? operand.asText() : operand.asText() + "-other");
            case STRING_MATCHES -> JSON.textNode(want ? operand.asText().replace("*", "x") : "\u0000no-match");
            case STRING_LESS_THAN, STRING_LESS_THAN_EQUALS -> JSON.textNode(want ? "" : operand.asText() + "~");
            case STRING_GREATER_THAN, STRING_GREATER_THAN_EQUALS -> JSON.textNode(want ? operand.asText() + "~" : "");
            case NUMERIC_EQUALS -> JSON.numberNode(want ? operand.decimalValue() : operand.decimalValue().add(java.math.BigDecimal.ONE));
            case NUMERIC_GREATER_THAN -> JSON.numberNode(want ? operand.decimalValue().add(java.math.BigDecimal.ONE) : operand.decimalValue());
            case NUMERIC_GREATER_THAN_EQUALS -> JSON.numberNode(want ? operand.decimalValue() : operand.decimalValue().subtract(java.math.BigDecimal.ONE));
            case NUMERIC_LESS_THAN -> JSON.numberNode(want ? operand.decimalValue().subtract(java.math.BigDecimal.ONE) : operand.decimalValue());
            case NUMERIC_LESS_THAN_EQUALS -> JSON.numberNode(want ? operand.decimalValue() : operand.decimalValue().add(java.math.BigDecimal.ONE));
            case BOOLEAN_EQUALS -> JSON.booleanNode(want == operand.asBoolean());
            case IS_NULL -> want == operand.asBoolean() ? JSON.nullNode() : JSON.textNode("value");
            case IS_PRESENT -> want == operand.asBoolean() ? JSON.textNode("value") : null;
            case IS_NUMERIC -> want == operand.asBoolean() ? JSON.numberNode(1) : JSON.textNode("value");
            case IS_STRING -> want == operand.asBoolean() ? JSON.textNode("value") : JSON.numberNode(1);
            case IS_BOOLEAN -> want == operand.asBoolean() ? JSON.booleanNode(true) : JSON.textNode("value");
            default -> null;
        };
    }

    private static void set(ObjectNode input, String[] fields, JsonNode value) {
        ObjectNode at = input;
        for (int i = 0; i < fields.length - 1; i++) {
            JsonNode next = at.get(fields[i]);
            at = next instanceof ObjectNode o ? o : at.putObject(fields[i]);
        }
        at.set(fields[fields.length - 1], value);
    }
}
