package dev.aslunit.internal.sfnlocal;

import dev.aslunit.internal.mocks.MockAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.SourceLocator;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.json.SourceDocument;
import dev.aslunit.internal.json.SourceSyntaxException;
import dev.aslunit.internal.definition.StateNames;
import dev.aslunit.mock.TaskMocks;
import dev.aslunit.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An AWS Step Functions Local mock configuration ({@code MockConfigFile.json}), read unchanged:
 * {@code StateMachines → name → TestCases → test case → state → response name}, and
 * {@code MockedResponses → response name → "0" | "1-2" → Return | Throw}.
 *
 * <p>As in Step Functions Local, a {@code Return} is the task's whole raw result, whatever the
 * resource: for {@code arn:aws:states:::lambda:invoke} that is the full service response
 * ({@code StatusCode}, {@code Payload}, ...), for a Lambda function ARN the function's result, for a
 * {@code .waitForTaskToken} task the result the callback sends; a {@code Throw} is the task's
 * failure. The invocation counter is per state per execution, counting retries and Map iterations.
 * A test case becomes mock scripts ({@link TaskMocks}): each state's answer is computed from that
 * counter, so a mock file is answered by the same machinery as a test's Java mocks.
 *
 * <p>{@code parse} checks the file's structure; a test case's mocked responses are checked when
 * {@link #handlerFor} selects it (as Step Functions Local does, an entry no selected test case uses
 * is never read). Every problem found is reported at once, with file, line, JSON pointer and fix.
 */
public final class MockConfigFile {

    private static final List<String> TOP_LEVEL = List.of("StateMachines", "MockedResponses");

    private final String source;
    private final JsonNode root;
    private final java.util.function.Function<String, SourceLocation> locator;

    private MockConfigFile(String source, JsonNode root, SourceLocator locator, List<SourceDocument.DuplicateKey> duplicates) {
        this.source = source;
        this.root = root == null ? JsonNodeFactory.instance.missingNode() : root;
        this.locator = locator::locate;
        List<String> problems = new ArrayList<>();
        // Jackson would keep the last of two equal keys without a word; "0" twice is a mistake to show.
        duplicates.forEach(d -> problems.add(d.location().describe() + ": \"" + d.key() + "\" appears more than once"
                + " in this object; only the first is used.\n    Fix: merge the two or rename one."));
        checkStructure(problems);
        fail("Invalid Step Functions Local mock config " + source, problems);
    }

    /** Reads a mock config file. */
    public static MockConfigFile parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MockConfigException("Mock config file " + file + " does not exist (working directory: "
                    + Path.of("").toAbsolutePath() + ").\nFix: pass the path of your MockConfigFile.json.");
        } catch (IOException e) {
            throw new MockConfigException("Mock config file " + file + " cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Reads a mock config from the classpath, e.g. {@code "MockConfigFile.json"} or {@code "mocks/orders.json"}. */
    public static MockConfigFile fromClasspath(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(MockConfigFile.class.getClassLoader());
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new MockConfigException("Mock config \"" + name + "\" is not on the classpath.\n"
                        + "Fix: put it under src/test/resources/" + name + " (or give its path from the classpath root).");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + name);
        } catch (IOException e) {
            throw new MockConfigException("Mock config classpath:" + name + " cannot be read: " + e.getMessage());
        }
    }

    /** Reads a mock config given as JSON text; {@code sourceName} names it in messages. */
    public static MockConfigFile parse(String json, String sourceName) {
        SourceDocument document;
        try {
            document = SourceDocument.parse(json, SourceDocument.Format.JSON, sourceName);
        } catch (SourceSyntaxException e) {
            throw new MockConfigException("Mock config " + sourceName + (e.line() > 0 ? ":" + e.line() + ":" + e.column() : "")
                    + " is not valid JSON: " + e.reason()
                    + "\nFix: correct the JSON syntax at that place (a JSON linter shows the same position).");
        }
        return new MockConfigFile(sourceName, document.root(), document.locator(), document.duplicateKeys());
    }

    /** Reads a mock config given as a JSON tree (messages then give JSON pointers without lines). */
    public static MockConfigFile parse(JsonNode root, String sourceName) {
        return new MockConfigFile(sourceName, root, pointer -> new SourceLocation(sourceName, pointer, 0, 0), List.of());
    }

    public String source() {
        return source;
    }

    /** The state machine names under {@code StateMachines}, in file order. */
    public Set<String> stateMachineNames() {
        return names(root.path("StateMachines"));
    }

    /** The test case names of a state machine, in file order. */
    public Set<String> testCaseNames(String stateMachineName) {
        return names(testCases(stateMachineName));
    }

    /** A test case as a user names it: the state machine under {@code StateMachines}, and the test case. */
    public record TestCaseName(String stateMachine, String testCase) {
    }

    /**
     * Reads {@code "StateMachine#TestCase"}, or a bare {@code "TestCase"} of the file's only state
     * machine (or of {@code definitionName} when the file mocks several, one of them by that name),
     * as Step Functions Local's {@code stateMachineArn#TestCase} names one.
     *
     * @throws MockConfigException when a bare name leaves the state machine ambiguous
     */
    public TestCaseName testCase(String spec, String definitionName) {
        int hash = spec.indexOf('#');
        if (hash >= 0) {
            return new TestCaseName(spec.substring(0, hash), spec.substring(hash + 1));
        }
        List<String> machines = new ArrayList<>(stateMachineNames());
        if (machines.size() == 1) {
            return new TestCaseName(machines.get(0), spec);
        }
        if (machines.contains(definitionName)) {
            return new TestCaseName(definitionName, spec);
        }
        throw new MockConfigException("The mock config " + source + " has " + machines.size() + " state machines ("
                + String.join(", ", machines) + "); say which: \""
                + (machines.isEmpty() ? "StateMachineName" : machines.get(0)) + "#" + spec + "\"");
    }

    /**
     * The handler answering the Task states of one test case, from their mocked responses; other
     * states get no answer from it.
     *
     * @throws MockConfigException naming every problem of the test case and its responses
     */
    public TaskHandler handlerFor(String stateMachineName, String testCaseName) {
        return handlerFor(stateMachineName, testCaseName, null);
    }

    /**
     * As {@link #handlerFor(String, String)}, and checks that every state the test case names is a
     * Task state of {@code definition} (Step Functions Local silently ignores the others, which hides
     * typos).
     */
    public TaskHandler handlerFor(String stateMachineName, String testCaseName, StateMachineDefinition definition) {
        JsonNode testCase = testCases(stateMachineName).get(testCaseName);
        if (testCase == null) {
            throw new MockConfigException("No test case \"" + testCaseName + "\" for state machine \""
                    + stateMachineName + "\" in mock config " + location(testCasesPointer(stateMachineName)).describe()
                    + StateNames.didYouMean(testCaseName, testCaseNames(stateMachineName))
                    + "\nTest cases: " + String.join(", ", testCaseNames(stateMachineName)));
        }
        String casePointer = testCasesPointer(stateMachineName) + "/" + DefinitionReader.escape(testCaseName);
        List<String> problems = new ArrayList<>();
        Map<String, MockedResponse> byState = new LinkedHashMap<>();
        Map<String, MockedResponse> parsed = new LinkedHashMap<>();
        JsonNode responses = root.path("MockedResponses");
        for (Map.Entry<String, JsonNode> e : testCase.properties()) {
            String responseName = e.getValue().asText();
            if (!responses.has(responseName)) {
                problems.add(location(casePointer + "/" + DefinitionReader.escape(e.getKey())).describe()
                        + ": state \"" + e.getKey() + "\" uses mocked response \"" + responseName
                        + "\", which is not in MockedResponses" + StateNames.didYouMean(responseName, names(responses))
                        + "\n    Fix: add \"" + responseName + "\": {\"0\": {\"Return\": ...}} under MockedResponses,"
                        + " or name one of: " + String.join(", ", names(responses)));
                continue;
            }
            MockedResponse response = parsed.computeIfAbsent(responseName,
                    n -> MockedResponse.read(n, responses.get(n), this::location, problems));
            if (response != null) {
                byState.put(e.getKey(), response);
            }
        }
        if (definition != null) {
            checkStates(testCase, casePointer, definition, problems);
        }
        fail("Test case \"" + testCaseName + "\" of state machine \"" + stateMachineName + "\" in mock config "
                + source + " cannot be used", problems);
        // the test case becomes mock scripts, answered by the same machinery as a test's own mocks
        TaskMocks mocks = new TaskMocks();
        byState.forEach((state, response) -> response.script(mocks.mock(state)));
        return MockAccess.handler(mocks);
    }

    private void checkStates(JsonNode testCase, String casePointer, StateMachineDefinition definition,
                             List<String> problems) {
        Map<String, State> states = StateNames.allStates(definition);
        Set<String> tasks = StateNames.taskStates(definition).keySet();
        testCase.fieldNames().forEachRemaining(name -> {
            State state = states.get(name);
            String at = location(casePointer + "/" + DefinitionReader.escape(name)).describe();
            if (state == null) {
                problems.add(at + ": no Task state named \"" + name + "\" in the state machine"
                        + StateNames.didYouMean(name, tasks) + "\n    Task states: " + String.join(", ", tasks));
            } else if (!tasks.contains(name)) {
                problems.add(at + ": \"" + name + "\" is a " + state.type() + " state; only Task states call"
                        + " services, so only they can be mocked.\n    Task states: " + String.join(", ", tasks));
            }
        });
    }

    private void checkStructure(List<String> problems) {
        if (!root.isObject()) {
            problems.add(location("").describe() + ": expected an object with \"StateMachines\" and \"MockedResponses\","
                    + (root.isMissingNode() ? " but the file is empty." : " found " + Json.describe(root) + "."));
            return;
        }
        root.fieldNames().forEachRemaining(field -> {
            if (!TOP_LEVEL.contains(field)) {
                problems.add(location("/" + DefinitionReader.escape(field)).describe() + ": unknown field \"" + field + "\""
                        + StateNames.didYouMean(field, TOP_LEVEL)
                        + "\n    Fix: a mock config has \"StateMachines\" and \"MockedResponses\" only.");
            }
        });
        JsonNode machines = root.get("StateMachines");
        if (machines == null || !machines.isObject()) {
            problems.add(location(machines == null ? "" : "/StateMachines").describe() + ": \"StateMachines\" must be an"
                    + " object of state machine names, " + (machines == null ? "but is missing." : "found " + Json.describe(machines) + ".")
                    + "\n    Fix: {\"StateMachines\": {\"MyStateMachine\": {\"TestCases\": {\"HappyPath\": {\"MyTask\": \"MyResponse\"}}}}}");
        } else {
            machines.properties().forEach(e -> checkMachine(e.getKey(), e.getValue(), problems));
        }
        JsonNode responses = root.get("MockedResponses");
        if (responses != null && !responses.isObject()) {
            problems.add(location("/MockedResponses").describe() + ": \"MockedResponses\" must be an object of response"
                    + " names, found " + Json.describe(responses) + ".");
        } else if (responses != null) {
            responses.properties().forEach(e -> {
                if (!e.getValue().isObject()) {
                    problems.add(location("/MockedResponses/" + DefinitionReader.escape(e.getKey())).describe()
                            + ": mocked response \"" + e.getKey() + "\" must be an object keyed by invocation"
                            + " (\"0\", \"1-2\", ...), found " + Json.describe(e.getValue()) + ".");
                }
            });
        }
    }

    private void checkMachine(String name, JsonNode machine, List<String> problems) {
        String pointer = "/StateMachines/" + DefinitionReader.escape(name);
        if (!machine.isObject() || !machine.path("TestCases").isObject()) {
            problems.add(location(pointer).describe() + ": state machine \"" + name + "\" needs \"TestCases\", an object of"
                    + " test case names.\n    Fix: \"" + name + "\": {\"TestCases\": {\"HappyPath\": {\"MyTask\": \"MyResponse\"}}}");
            return;
        }
        machine.fieldNames().forEachRemaining(field -> {
            if (!field.equals("TestCases")) {
                problems.add(location(pointer + "/" + DefinitionReader.escape(field)).describe() + ": unknown field \""
                        + field + "\"" + StateNames.didYouMean(field, List.of("TestCases"))
                        + "\n    Fix: a state machine entry has \"TestCases\" only.");
            }
        });
        machine.get("TestCases").properties().forEach(testCase -> {
            String casePointer = pointer + "/TestCases/" + DefinitionReader.escape(testCase.getKey());
            if (!testCase.getValue().isObject()) {
                problems.add(location(casePointer).describe() + ": test case \"" + testCase.getKey() + "\" must be an object"
                        + " mapping state names to mocked response names, found " + Json.describe(testCase.getValue()) + ".");
                return;
            }
            testCase.getValue().properties().forEach(state -> {
                if (!state.getValue().isTextual()) {
                    problems.add(location(casePointer + "/" + DefinitionReader.escape(state.getKey())).describe()
                            + ": state \"" + state.getKey() + "\" must name a mocked response (a string), found "
                            + Json.describe(state.getValue()) + ".\n    Fix: \"" + state.getKey() + "\": \"MyResponse\", with"
                            + " \"MyResponse\" defined under MockedResponses.");
                }
            });
        });
    }

    private JsonNode testCases(String stateMachineName) {
        JsonNode machine = root.path("StateMachines").get(stateMachineName);
        if (machine == null) {
            throw new MockConfigException("No state machine \"" + stateMachineName + "\" in mock config " + source
                    + StateNames.didYouMean(stateMachineName, stateMachineNames())
                    + "\nState machines: " + String.join(", ", stateMachineNames())
                    + "\nFix: use the name under \"StateMachines\" (Step Functions Local matches it to the state"
                    + " machine's name).");
        }
        return machine.get("TestCases");
    }

    private static String testCasesPointer(String stateMachineName) {
        return "/StateMachines/" + DefinitionReader.escape(stateMachineName) + "/TestCases";
    }

    private SourceLocation location(String pointer) {
        return locator.apply(pointer);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }


    private static void fail(String headline, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(headline).append(problems.size() == 1 ? ":" : " (" + problems.size()
                + " problems):");
        problems.forEach(p -> sb.append("\n  - ").append(p));
        throw new MockConfigException(sb.toString());
    }
}
