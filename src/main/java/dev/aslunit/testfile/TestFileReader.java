package dev.aslunit.testfile;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.Execution;
import dev.aslunit.StateVisit;
import dev.aslunit.assertions.ExecutionAssert;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.json.Json;
import dev.aslunit.internal.pipeline.AwsParameters;
import dev.aslunit.internal.json.SourceDocument;
import dev.aslunit.internal.json.SourceSyntaxException;
import dev.aslunit.internal.definition.StateNames;
import java.io.IOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a test file (YAML or JSON) and checks it completely before anything runs: every unknown
 * key (with a "did you mean"), wrong type, missing value and unreadable file is reported at once,
 * each with its file, line and column. The format is {@code docs/test-files.md}.
 */
public final class TestFileReader {

    /** The endings {@code aslunit test DIRECTORY} looks for. */
    public static final List<String> FILE_ENDINGS = List.of(".aslunit.yaml", ".aslunit.yml", ".aslunit.json");

    /** Directories a search skips, besides hidden ones: build output and dependencies, never a team's tests. */
    static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "cdk.out");

    static final Set<String> TOP_KEYS = keys("$schema", "stateMachine", "startTime", "seed", "mocks", "resourceMocks",
            "passThrough", "awsEndpoint", "awsRegion", "cases");
    static final Set<String> MACHINE_KEYS = keys("definition", "template", "logicalId", "cdkOut", "constructPath",
            "substitutions", "type", "mockConfigFile", "testCase");
    static final Set<String> CASE_KEYS = keys("name", "stateMachine", "input", "inputFile", "startTime", "seed", "mocks",
            "resourceMocks", "passThrough", "expect");
    static final Set<String> ANSWER_KEYS = keys("returns", "returnsFile", "fails", "httpResponse", "neverAnswers",
            "waitsForCallback", "sendsSuccess", "sendsFailure", "times", "after");
    static final Set<String> ANSWER_KINDS = keys("returns", "returnsFile", "fails", "httpResponse", "neverAnswers",
            "waitsForCallback", "sendsSuccess", "sendsFailure");
    static final Set<String> BY_INPUT_KEYS = keys("byInput", "otherwise");
    static final Set<String> CONDITION_KEYS = keys("inputAt", "is", "answers");
    static final Set<String> ERROR_KEYS = keys("error", "cause");
    static final Set<String> HTTP_KEYS = keys("status", "body");
    static final Set<String> EXPECT_KEYS = keys("status", "error", "cause", "path", "pathInOrder", "neverEntered",
            "output", "outputContains", "outputAt", "virtualTime", "variables", "waitingForTaskTokenAt", "states",
            "calls");
    static final Set<String> STATE_KEYS = keys("entered", "retried", "retryErrors", "retryDelays", "caughtBy", "error",
            "cause", "chose", "timedOut", "iterations", "input", "output", "outputAt", "virtualTime", "variables");
    static final Set<String> CALL_KEYS = keys("times", "inputAt");
    static final Set<String> STATUSES = keys("SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED");

    private TestFileReader() {
    }

    private static Set<String> keys(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }

    /**
     * Reads and checks one test file.
     *
     * @throws TestFileException listing every mistake in the file
     */
    public static TestFile read(Path file) {
        String shown = Paths.shown(file);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new TestFileException(List.of(new TestFileException.Problem(shown, 0, 0,
                    "cannot read the test file (" + e.getMessage() + ")")));
        }
        SourceDocument doc;
        try {
            doc = SourceDocument.parse(text, SourceDocument.formatOf(file.toString(), text), shown);
        } catch (SourceSyntaxException e) {
            throw new TestFileException(List.of(new TestFileException.Problem(shown, e.line(), e.column(),
                    "not valid " + SourceDocument.formatOf(file.toString(), text) + ": " + e.reason())));
        }
        Reader reader = new Reader(file, doc);
        TestFile read = reader.file();
        if (!reader.problems.isEmpty()) {
            throw new TestFileException(reader.problems);
        }
        return read;
    }

    /**
     * The test files named: a file as it is, a directory for every file under it whose name ends in
     * one of {@link #FILE_ENDINGS}, in name order, skipping hidden directories and {@link #SKIPPED}.
     *
     * @throws TestFileException for a path that does not exist, or a directory with no test file
     */
    public static List<Path> find(List<Path> paths) {
        List<Path> found = new ArrayList<>();
        List<TestFileException.Problem> problems = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                found.add(path);
            } else if (Files.isDirectory(path)) {
                List<Path> inside = new ArrayList<>();
                try {
                    Files.walkFileTree(path, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            return dir.equals(path) || !SKIPPED.contains(dir.getFileName().toString())
                                    && !dir.getFileName().toString().startsWith(".")
                                    ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (attributes.isRegularFile() && isTestFile(file)) {
                                inside.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException e) {
                    problems.add(new TestFileException.Problem(Paths.shown(path), 0, 0, "cannot read this directory ("
                            + e.getMessage() + ")"));
                }
                inside.sort(Comparator.comparing(Path::toString));
                if (inside.isEmpty()) {
                    problems.add(new TestFileException.Problem(Paths.shown(path), 0, 0, "no test file in this directory"
                            + " (looked for names ending in " + String.join(", ", FILE_ENDINGS) + ")"));
                }
                found.addAll(inside);
            } else {
                problems.add(new TestFileException.Problem(Paths.shown(path), 0, 0, "no such file or directory"));
            }
        }
        if (!problems.isEmpty()) {
            throw new TestFileException(problems);
        }
        return found;
    }

    static boolean isTestFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return FILE_ENDINGS.stream().anyMatch(name::endsWith);
    }

    /** One file's reading: the document, where relative paths start, and the problems found so far. */
    private static final class Reader {
        private final Path file;
        private final Path base;
        private final SourceDocument doc;
        final List<TestFileException.Problem> problems = new ArrayList<>();

        Reader(Path file, SourceDocument doc) {
            this.file = file;
            this.base = file.toAbsolutePath().getParent();
            this.doc = doc;
        }

        // -------------------------------------------------------------- the file and its cases

        TestFile file() {
            for (SourceDocument.DuplicateKey d : doc.duplicateKeys()) {
                problem(d.pointer(), "the key \"" + d.key() + "\" appears twice here; keep one");
            }
            JsonNode root = doc.root();
            ObjectNode top = object(root, "", "a test file", TOP_KEYS);
            if (top == null) {
                return new TestFile(file, List.of());
            }
            JsonNode machineNode = top.get("stateMachine");
            MachineSpec sharedMachine = machineNode == null ? null : machine(machineNode, "/stateMachine");
            Instant sharedStart = instant(top.get("startTime"), "/startTime");
            Long sharedSeed = seed(top.get("seed"), "/seed");
            Map<String, MockSpec> sharedMocks = mocks(top.get("mocks"), "/mocks", false);
            Map<String, MockSpec> sharedResources = mocks(top.get("resourceMocks"), "/resourceMocks", true);
            Shared shared = new Shared(names(top.get("passThrough"), "/passThrough"),
                    endpoint(top.get("awsEndpoint"), "/awsEndpoint"), text(top.get("awsRegion"), "/awsRegion"));

            JsonNode cases = top.get("cases");
            List<TestCase> read = new ArrayList<>();
            if (cases == null) {
                problem("", "a test file needs \"cases\": a list of cases, each with a name, an input and what to expect");
                return new TestFile(file, read);
            }
            if (!cases.isArray() || cases.isEmpty()) {
                problem("/cases", "\"cases\" must be a list with at least one case");
                return new TestFile(file, read);
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < cases.size(); i++) {
                TestCase c = testCase(cases.get(i), "/cases/" + i, machineNode != null, sharedMachine, sharedStart, sharedSeed, sharedMocks,
                        sharedResources, shared);
                if (c != null) {
                    if (!names.add(c.name())) {
                        problem("/cases/" + i + "/name", "another case of this file is named \"" + c.name()
                                + "\"; give each case its own name");
                    }
                    read.add(c);
                }
            }
            return new TestFile(file, read);
        }

        private TestCase testCase(JsonNode node, String at, boolean sharedMachineGiven, MachineSpec sharedMachine,
                Instant sharedStart,
                Long sharedSeed, Map<String, MockSpec> sharedMocks, Map<String, MockSpec> sharedResources, Shared shared) {
            ObjectNode c = object(node, at, "a case", CASE_KEYS);
            if (c == null) {
                return null;
            }
            String name = requiredText(c, at, "name", "a case");
            MachineSpec machine = c.has("stateMachine") ? machine(c.get("stateMachine"), at + "/stateMachine")
                    : sharedMachine;
            if (machine == null && !c.has("stateMachine") && !sharedMachineGiven) {
                problem(at, "the case " + quoted(name) + " names no state machine: add \"stateMachine\" (with"
                        + " \"definition\", \"template\" or \"cdkOut\") to the case or to the top of the file");
            }
            JsonNode input = Json.nodes().objectNode();
            if (c.has("input") && c.has("inputFile")) {
                problem(at + "/inputFile", "give \"input\" or \"inputFile\", not both");
            } else if (c.has("input")) {
                input = c.get("input");
            } else if (c.has("inputFile")) {
                input = jsonFile(c.get("inputFile"), at + "/inputFile");
            }
            Instant start = c.has("startTime") ? instant(c.get("startTime"), at + "/startTime") : sharedStart;
            Long seed = c.has("seed") ? seed(c.get("seed"), at + "/seed") : sharedSeed;
            Map<String, MockSpec> mocks = new LinkedHashMap<>(sharedMocks);
            mocks.putAll(mocks(c.get("mocks"), at + "/mocks", false));
            List<MockSpec> all = new ArrayList<>(mocks.values());
            Map<String, MockSpec> resources = new LinkedHashMap<>(sharedResources);
            resources.putAll(mocks(c.get("resourceMocks"), at + "/resourceMocks", true));
            all.addAll(resources.values());
            List<Expectation.Named> passThrough = new ArrayList<>();
            if (shared.passThrough() != null) {
                passThrough.addAll(shared.passThrough());
            }
            List<Expectation.Named> own = names(c.get("passThrough"), at + "/passThrough");
            if (own != null) {
                passThrough.addAll(own);
            }
            // a passed-through state's calls are counted as a mocked one's
            Set<String> called = new HashSet<>(mocks.keySet());
            passThrough.stream().map(Expectation.Named::name).filter(n -> !n.startsWith("arn:")).forEach(called::add);
            List<Expectation> expectations = new ArrayList<>();
            if (!c.has("expect")) {
                problem(at, "the case " + quoted(name) + " expects nothing: add \"expect\", e.g. expect: {status:"
                        + " SUCCEEDED}");
            } else {
                expect(c.get("expect"), at + "/expect", called, expectations);
            }
            if (name == null || machine == null) {
                return null;
            }
            return new TestCase(name, file, doc.locate(at), machine, input, start, seed, all, expectations,
                    c.path("expect").has("waitingForTaskTokenAt"), passThrough, shared.awsEndpoint(), shared.awsRegion());
        }

        /** What the top of the file gives every case about real services (docs/hybrid.md). */
        private record Shared(List<Expectation.Named> passThrough, URI awsEndpoint, String awsRegion) {
        }

        private URI endpoint(JsonNode node, String at) {
            String text = text(node, at);
            if (text == null) {
                return null;
            }
            Optional<URI> url = AwsParameters.url(text);
            if (url.isEmpty()) {
                problem(at, quoted(text) + " is not an endpoint URL; write a scheme and a host, e.g. \"http://localhost:4566\"");
            }
            return url.orElse(null);
        }

        private MachineSpec machine(JsonNode node, String at) {
            ObjectNode m = object(node, at, "\"stateMachine\"", MACHINE_KEYS);
            if (m == null) {
                return null;
            }
            List<String> given = Stream.of("definition", "template", "cdkOut").filter(m::has).toList();
            if (given.size() != 1) {
                problem(at, given.isEmpty()
                        ? "\"stateMachine\" needs one of \"definition\" (an ASL file), \"template\" (a SAM or"
                                + " CloudFormation template, with \"logicalId\") or \"cdkOut\" (a CDK app's cdk.out, with"
                                + " \"constructPath\")"
                        : "\"stateMachine\" has " + String.join(" and ", given) + "; give only one");
                return null;
            }
            String kind = given.get(0);
            if (m.has("constructPath") && !kind.equals("cdkOut")) {
                problem(at + "/constructPath", "\"constructPath\" selects a state machine of a CDK app: use it with"
                        + " \"cdkOut\" (with \"template\", name the state machine by \"logicalId\")");
            }
            if (m.has("logicalId") && kind.equals("cdkOut")) {
                problem(at + "/logicalId", "in a CDK app, name the state machine by \"constructPath\"");
            }
            Path definition = existingPath(m.get(kind), at + "/" + kind);
            String logicalId = text(m.get(kind.equals("cdkOut") ? "constructPath" : "logicalId"),
                    at + (kind.equals("cdkOut") ? "/constructPath" : "/logicalId"));
            Map<String, String> substitutions = new LinkedHashMap<>();
            JsonNode subs = m.get("substitutions");
            if (subs != null) {
                ObjectNode s = object(subs, at + "/substitutions", "\"substitutions\"", null);
                if (s != null) {
                    s.fields().forEachRemaining(e -> {
                        if (e.getValue().isContainerNode() || e.getValue().isNull()) {
                            problem(at + "/substitutions/" + SourceDocument.escape(e.getKey()),
                                    "a substitution's value is text or a number");
                        } else {
                            substitutions.put(e.getKey(), e.getValue().asText());
                        }
                    });
                }
            }
            StateMachineType type = null;
            String typeText = text(m.get("type"), at + "/type");
            if (typeText != null) {
                try {
                    type = StateMachineType.valueOf(typeText);
                } catch (IllegalArgumentException e) {
                    problem(at + "/type", "\"type\" is STANDARD or EXPRESS, not " + quoted(typeText));
                }
            }
            Path mockConfig = m.has("mockConfigFile") ? existingPath(m.get("mockConfigFile"), at + "/mockConfigFile")
                    : null;
            String testCase = text(m.get("testCase"), at + "/testCase");
            if (testCase != null && mockConfig == null) {
                problem(at + "/testCase", "\"testCase\" names a test case of a Step Functions Local mock file: add"
                        + " \"mockConfigFile\"");
            }
            return new MachineSpec(definition, logicalId, substitutions, type, mockConfig, testCase, doc.locate(at));
        }

        // -------------------------------------------------------------- mocks

        private Map<String, MockSpec> mocks(JsonNode node, String at, boolean resource) {
            Map<String, MockSpec> out = new LinkedHashMap<>();
            if (node == null) {
                return out;
            }
            ObjectNode mocks = object(node, at, resource ? "\"resourceMocks\"" : "\"mocks\"", null);
            if (mocks == null) {
                return out;
            }
            mocks.fields().forEachRemaining(e -> {
                String where = at + "/" + SourceDocument.escape(e.getKey());
                List<Script> scripts = scripts(e.getValue(), where);
                if (scripts != null) {
                    out.put(e.getKey(), new MockSpec(resource, e.getKey(), doc.locate(where), scripts));
                }
            });
            return out;
        }

        /** An answer, a list of answers, or {@code byInput} conditions with an optional {@code otherwise}. */
        private List<Script> scripts(JsonNode node, String at) {
            if (node.isObject() && node.has("byInput")) {
                ObjectNode o = object(node, at, "a mock that answers by input", BY_INPUT_KEYS);
                List<Script> scripts = new ArrayList<>();
                scripts.add(new Script(null, null, o.has("otherwise") ? answers(o.get("otherwise"), at + "/otherwise")
                        : List.of(), doc.locate(at)));
                JsonNode conditions = o.get("byInput");
                if (!conditions.isArray() || conditions.isEmpty()) {
                    problem(at + "/byInput", "\"byInput\" is a list of {inputAt, is, answers}");
                    return null;
                }
                for (int i = 0; i < conditions.size(); i++) {
                    String where = at + "/byInput/" + i;
                    ObjectNode cond = object(conditions.get(i), where, "a \"byInput\" condition", CONDITION_KEYS);
                    if (cond == null) {
                        continue;
                    }
                    String path = requiredText(cond, where, "inputAt", "a \"byInput\" condition");
                    if (path != null && !path.startsWith("$")) {
                        problem(where + "/inputAt", "\"inputAt\" is a JSONPath into the task's input, starting with"
                                + " \"$\" (e.g. \"$.order.express\")");
                    }
                    if (!cond.has("answers")) {
                        problem(where, "a \"byInput\" condition needs \"answers\": an answer or a list of answers");
                        continue;
                    }
                    scripts.add(new Script(path, cond.get("is"), answers(cond.get("answers"), where + "/answers"),
                            doc.locate(where)));
                }
                return scripts;
            }
            return List.of(new Script(null, null, answers(node, at), doc.locate(at)));
        }

        private List<Answer> answers(JsonNode node, String at) {
            List<Answer> out = new ArrayList<>();
            if (node.isArray()) {
                if (node.isEmpty()) {
                    problem(at, "an empty list of answers: give at least one");
                }
                for (int i = 0; i < node.size(); i++) {
                    Answer a = answer(node.get(i), at + "/" + i);
                    if (a != null) {
                        out.add(a);
                    }
                }
            } else {
                Answer a = answer(node, at);
                if (a != null) {
                    out.add(a);
                }
            }
            return out;
        }

        private Answer answer(JsonNode node, String at) {
            ObjectNode a = object(node, at, "an answer of a mock", ANSWER_KEYS);
            if (a == null) {
                return null;
            }
            List<String> kinds = ANSWER_KINDS.stream().filter(a::has).toList();
            if (kinds.size() != 1) {
                problem(at, kinds.isEmpty() ? "an answer needs one of " + list(ANSWER_KINDS)
                        : "an answer has " + String.join(" and ", kinds) + "; give one per answer, in a list for a"
                                + " sequence");
                return null;
            }
            String kind = kinds.get(0);
            String where = at + "/" + kind;
            JsonNode value = a.get(kind);
            Integer times = null;
            if (a.has("times")) {
                JsonNode t = a.get("times");
                if (!t.canConvertToInt() || !t.isIntegralNumber() || t.intValue() < 1) {
                    problem(at + "/times", "\"times\" is a whole number, 1 or more");
                } else {
                    times = t.intValue();
                }
            }
            Duration after = a.has("after") ? duration(a.get("after"), at + "/after") : null;
            SourceLocation loc = doc.locate(at);
            switch (kind) {
                case "returns":
                    return new Answer(Answer.Kind.RETURNS, value, null, null, null, 0, times, after, loc);
                case "returnsFile":
                    return new Answer(Answer.Kind.RETURNS_FILE, null, existingPath(value, where), null, null, 0, times,
                            after, loc);
                case "fails":
                case "sendsFailure": {
                    String[] error = error(value, where);
                    return error == null ? null : new Answer(kind.equals("fails") ? Answer.Kind.FAILS
                            : Answer.Kind.SENDS_FAILURE, null, null, error[0], error[1], 0, times, after, loc);
                }
                case "httpResponse": {
                    ObjectNode h = object(value, where, "\"httpResponse\"", HTTP_KEYS);
                    if (h == null) {
                        return null;
                    }
                    JsonNode status = h.get("status");
                    if (status == null || !status.isIntegralNumber()) {
                        problem(where, "\"httpResponse\" needs \"status\", the HTTP status code (e.g. 201)");
                        return null;
                    }
                    return new Answer(Answer.Kind.HTTP_RESPONSE, h.get("body"), null, null, null, status.intValue(),
                            times, after, loc);
                }
                case "sendsSuccess":
                    return new Answer(Answer.Kind.SENDS_SUCCESS, value, null, null, null, 0, times, after, loc);
                default: {
                    if (!value.isBoolean() || !value.booleanValue()) {
                        problem(where, quoted(kind) + " is written " + kind + ": true");
                        return null;
                    }
                    if (after != null) {
                        problem(at + "/after", "\"after\" delays an answer that comes; " + kind + " never does");
                    }
                    return new Answer(kind.equals("neverAnswers") ? Answer.Kind.NEVER_ANSWERS
                            : Answer.Kind.WAITS_FOR_CALLBACK, null, null, null, null, 0, times, null, loc);
                }
            }
        }

        /** {@code "Error.Name"} or {@code {error, cause}}. */
        private String[] error(JsonNode node, String at) {
            if (node.isTextual()) {
                return new String[] {node.textValue(), null};
            }
            ObjectNode e = object(node, at, "an error", ERROR_KEYS);
            if (e == null) {
                return null;
            }
            String error = requiredText(e, at, "error", "an error");
            String cause = text(e.get("cause"), at + "/cause");
            return error == null ? null : new String[] {error, cause};
        }

        // -------------------------------------------------------------- expectations

        private void expect(JsonNode node, String at, Set<String> mocked, List<Expectation> out) {
            ObjectNode e = object(node, at, "\"expect\"", EXPECT_KEYS);
            if (e == null) {
                return;
            }
            if (e.isEmpty()) {
                problem(at, "\"expect\" is empty: say at least what the status should be, e.g. status: SUCCEEDED");
            }
            String status = text(e.get("status"), at + "/status");
            if (status != null && !STATUSES.contains(status)) {
                problem(at + "/status", "\"status\" is one of " + list(STATUSES) + ", not " + quoted(status)
                        + StateNames.didYouMean(status, STATUSES));
                status = null;
            }
            String error = text(e.get("error"), at + "/error");
            if (status != null) {
                String s = status;
                boolean errorChecksFailure = error != null && s.equals("FAILED");
                if (!errorChecksFailure) {
                    add(out, at + "/status", List.of(), (x, sfn) -> {
                        ExecutionAssert a = assertThat(x);
                        switch (s) {
                            case "SUCCEEDED" -> a.succeeded();
                            case "FAILED" -> a.failed();
                            case "TIMED_OUT" -> a.timedOut();
                            default -> a.aborted();
                        }
                    });
                }
            }
            if (error != null) {
                if (status == null || status.equals("FAILED")) {
                    add(out, at + "/error", List.of(), (x, sfn) -> assertThat(x).failedWith(error));
                } else {
                    add(out, at + "/error", List.of(), (x, sfn) -> org.assertj.core.api.Assertions.assertThat(x.error())
                            .as("the error of execution \"%s\"", x.name()).isEqualTo(error));
                }
            }
            String cause = text(e.get("cause"), at + "/cause");
            if (cause != null) {
                add(out, at + "/cause", List.of(), (x, sfn) -> assertThat(x).withCause(cause));
            }
            List<Expectation.Named> path = names(e.get("path"), at + "/path");
            if (path != null) {
                String[] p = array(path);
                add(out, at + "/path", path, (x, sfn) -> assertThat(x).tookPath(p));
            }
            List<Expectation.Named> inOrder = names(e.get("pathInOrder"), at + "/pathInOrder");
            if (inOrder != null) {
                String[] p = array(inOrder);
                add(out, at + "/pathInOrder", inOrder, (x, sfn) -> assertThat(x).passedThrough(p));
            }
            List<Expectation.Named> never = names(e.get("neverEntered"), at + "/neverEntered");
            if (never != null) {
                String[] p = array(never);
                add(out, at + "/neverEntered", never, (x, sfn) -> assertThat(x).neverEntered(p));
            }
            if (e.has("output")) {
                JsonNode v = e.get("output");
                add(out, at + "/output", List.of(), (x, sfn) -> assertThat(x).hasOutput(v));
            }
            if (e.has("outputContains")) {
                JsonNode v = e.get("outputContains");
                add(out, at + "/outputContains", List.of(), (x, sfn) -> assertThat(x).hasOutputContaining(v));
            }
            valuesAt(e.get("outputAt"), at + "/outputAt", (where, path1, value) ->
                    add(out, where, List.of(), (x, sfn) -> assertThat(x).hasOutputAt(path1, value)));
            Duration took = e.has("virtualTime") ? duration(e.get("virtualTime"), at + "/virtualTime") : null;
            if (took != null) {
                add(out, at + "/virtualTime", List.of(), (x, sfn) -> assertThat(x).tookVirtualTime(took));
            }
            if (e.has("variables")) {
                ObjectNode vars = object(e.get("variables"), at + "/variables", "\"variables\"", null);
                if (vars != null) {
                    vars.fields().forEachRemaining(v -> add(out, at + "/variables/" + SourceDocument.escape(v.getKey()),
                            List.of(), (x, sfn) -> assertThat(x).state(lastState(x)).hasVariable(v.getKey(), v.getValue())));
                }
            }
            String waiting = text(e.get("waitingForTaskTokenAt"), at + "/waitingForTaskTokenAt");
            if (waiting != null) {
                add(out, at + "/waitingForTaskTokenAt", List.of(named(waiting, at + "/waitingForTaskTokenAt")),
                        (x, sfn) -> assertThat(x).isWaitingForTaskTokenAt(waiting));
            }
            if (e.has("states")) {
                ObjectNode states = object(e.get("states"), at + "/states", "\"states\"", null);
                if (states != null) {
                    states.fields().forEachRemaining(s -> state(s.getKey(), s.getValue(),
                            at + "/states/" + SourceDocument.escape(s.getKey()), out));
                }
            }
            if (e.has("calls")) {
                ObjectNode calls = object(e.get("calls"), at + "/calls", "\"calls\"", null);
                if (calls != null) {
                    calls.fields().forEachRemaining(c -> calls(c.getKey(), c.getValue(),
                            at + "/calls/" + SourceDocument.escape(c.getKey()), mocked, out));
                }
            }
        }

        /** The variables "after the execution" are those in scope after the last state it entered, as in the Cucumber steps. */
        private static String lastState(Execution x) {
            List<StateVisit> visits = x.visits();
            if (visits.isEmpty()) {
                throw new AssertionError("Execution \"" + x.name() + "\" entered no state, so it has no variables.");
            }
            return visits.get(visits.size() - 1).stateName();
        }

        private void state(String name, JsonNode node, String at, List<Expectation> out) {
            ObjectNode s = object(node, at, "the expectations of a state", STATE_KEYS);
            if (s == null) {
                return;
            }
            List<Expectation.Named> self = List.of(named(name, at));
            Integer entered = count(s.get("entered"), at + "/entered", 0);
            if (entered != null) {
                add(out, at + "/entered", self, (x, sfn) -> {
                    if (entered == 0) {
                        assertThat(x).neverEntered(name);
                    } else {
                        assertThat(x).entered(name, entered);
                    }
                });
            }
            Integer retried = count(s.get("retried"), at + "/retried", 0);
            if (retried != null) {
                add(out, at + "/retried", self, (x, sfn) -> {
                    if (retried == 0) {
                        assertThat(x).state(name).wasNotRetried();
                    } else {
                        assertThat(x).state(name).wasRetried(retried);
                    }
                });
            }
            List<Expectation.Named> errors = names(s.get("retryErrors"), at + "/retryErrors");
            if (errors != null) {
                String[] errs = array(errors);
                add(out, at + "/retryErrors", self, (x, sfn) -> assertThat(x).state(name).withErrors(errs));
            }
            if (s.has("retryDelays")) {
                JsonNode delays = s.get("retryDelays");
                if (!delays.isArray()) {
                    problem(at + "/retryDelays", "\"retryDelays\" is a list of durations, e.g. [2s, 4s]");
                } else {
                    List<Duration> ds = new ArrayList<>();
                    for (int i = 0; i < delays.size(); i++) {
                        ds.add(duration(delays.get(i), at + "/retryDelays/" + i));
                    }
                    Duration[] d = ds.toArray(Duration[]::new);
                    add(out, at + "/retryDelays", self, (x, sfn) -> assertThat(x).state(name).retriedAfter(d));
                }
            }
            String caughtBy = text(s.get("caughtBy"), at + "/caughtBy");
            if (caughtBy != null) {
                add(out, at + "/caughtBy", List.of(self.get(0), named(caughtBy, at + "/caughtBy")),
                        (x, sfn) -> assertThat(x).state(name).wasCaughtBy(caughtBy));
            }
            String error = text(s.get("error"), at + "/error");
            if (error != null) {
                add(out, at + "/error", self, (x, sfn) -> assertThat(x).state(name).withError(error));
            }
            String cause = text(s.get("cause"), at + "/cause");
            if (cause != null) {
                add(out, at + "/cause", self, (x, sfn) -> assertThat(x).state(name).withCause(cause));
            }
            String chose = text(s.get("chose"), at + "/chose");
            if (chose != null) {
                add(out, at + "/chose", List.of(self.get(0), named(chose, at + "/chose")),
                        (x, sfn) -> assertThat(x).state(name).choseBranch(chose));
            }
            if (s.has("timedOut")) {
                JsonNode t = s.get("timedOut");
                if (!t.isBoolean() || !t.booleanValue()) {
                    problem(at + "/timedOut", "\"timedOut\" is written timedOut: true (leave it out otherwise)");
                } else {
                    add(out, at + "/timedOut", self, (x, sfn) -> assertThat(x).state(name).timedOut());
                }
            }
            Integer iterations = count(s.get("iterations"), at + "/iterations", 0);
            if (iterations != null) {
                add(out, at + "/iterations", self, (x, sfn) -> assertThat(x).state(name).hadIterations(iterations));
            }
            if (s.has("input")) {
                JsonNode v = s.get("input");
                add(out, at + "/input", self, (x, sfn) -> assertThat(x).state(name).receivedInput(v));
            }
            if (s.has("output")) {
                JsonNode v = s.get("output");
                add(out, at + "/output", self, (x, sfn) -> assertThat(x).state(name).hadOutput(v));
            }
            valuesAt(s.get("outputAt"), at + "/outputAt", (where, path, value) ->
                    add(out, where, self, (x, sfn) -> assertThat(x).state(name).hadOutputAt(path, value)));
            Duration took = s.has("virtualTime") ? duration(s.get("virtualTime"), at + "/virtualTime") : null;
            if (took != null) {
                add(out, at + "/virtualTime", self, (x, sfn) -> assertThat(x).state(name).tookVirtualTime(took));
            }
            if (s.has("variables")) {
                ObjectNode vars = object(s.get("variables"), at + "/variables", "\"variables\"", null);
                if (vars != null) {
                    vars.fields().forEachRemaining(v -> add(out, at + "/variables/" + SourceDocument.escape(v.getKey()),
                            self, (x, sfn) -> assertThat(x).state(name).hasVariable(v.getKey(), v.getValue())));
                }
            }
        }

        private void calls(String name, JsonNode node, String at, Set<String> mocked, List<Expectation> out) {
            List<Expectation.Named> self = List.of(named(name, at));
            if (!mocked.contains(name)) {
                problem(at, "the calls of " + quoted(name) + " are counted by its mock, and this case has none: add"
                        + " it under \"mocks\"" + StateNames.didYouMean(name, mocked));
                return;
            }
            if (node.isIntegralNumber()) {
                int times = node.intValue();
                add(out, at, self, (x, sfn) -> assertThat(mock(sfn, name)).wasCalled(times));
                return;
            }
            ObjectNode c = object(node, at, "the expected calls of a mock", CALL_KEYS);
            if (c == null) {
                return;
            }
            Integer times = count(c.get("times"), at + "/times", 0);
            if (times != null) {
                add(out, at + "/times", self, (x, sfn) -> assertThat(mock(sfn, name)).wasCalled(times));
            }
            valuesAt(c.get("inputAt"), at + "/inputAt", (where, path, value) ->
                    add(out, where, self, (x, sfn) -> assertThat(mock(sfn, name)).withInputAt(path, value)));
        }

        /** The calls of a Task state, mocked or passed through. */
        private static dev.aslunit.mock.TaskMock mock(dev.aslunit.StateMachineUnderTest sfn, String state) {
            return sfn.callsOf(state);
        }

        private void add(List<Expectation> out, String at, List<Expectation.Named> states, Expectation.Check check) {
            out.add(new Expectation(states, doc.locate(at), check));
        }

        private interface ValueAt {
            void accept(String at, String jsonPath, JsonNode value);
        }

        /** {@code {"$.a.b": value, ...}}: one expectation per JSONPath. */
        private void valuesAt(JsonNode node, String at, ValueAt each) {
            if (node == null) {
                return;
            }
            ObjectNode o = object(node, at, "a map of JSONPath to value", null);
            if (o == null) {
                return;
            }
            o.fields().forEachRemaining(e -> {
                String where = at + "/" + SourceDocument.escape(e.getKey());
                if (!e.getKey().startsWith("$")) {
                    problem(where, "a key here is a JSONPath starting with \"$\", e.g. \"$.payment.id\"; "
                            + quoted(e.getKey()) + " is not");
                } else {
                    each.accept(where, e.getKey(), e.getValue());
                }
            });
        }

        private Expectation.Named named(String name, String at) {
            return new Expectation.Named(name, doc.locate(at));
        }

        private List<Expectation.Named> names(JsonNode node, String at) {
            if (node == null) {
                return null;
            }
            if (!node.isArray() || node.isEmpty()) {
                problem(at, "a list of names is expected here, e.g. [ValidateOrder, ChargePayment]");
                return null;
            }
            List<Expectation.Named> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String name = text(node.get(i), at + "/" + i);
                if (name != null) {
                    out.add(named(name, at + "/" + i));
                }
            }
            return out;
        }

        private static String[] array(List<Expectation.Named> names) {
            return names.stream().map(Expectation.Named::name).toArray(String[]::new);
        }

        // -------------------------------------------------------------- values

        /** The object, with its keys checked against {@code allowed} (any keys when {@code null}); {@code null} if not an object. */
        private ObjectNode object(JsonNode node, String at, String what, Set<String> allowed) {
            if (node == null || !node.isObject()) {
                problem(at, what + " is an object (key: value pairs)" + (node == null ? "" : ", not " + kind(node)));
                return null;
            }
            if (allowed != null) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                    String key = it.next();
                    if (!allowed.contains(key)) {
                        String hint = StateNames.didYouMean(key, allowed);
                        problem(at + "/" + SourceDocument.escape(key), "unknown key " + quoted(key) + " in " + what
                                + (hint.isEmpty() ? "; the keys here are " + list(allowed) : hint));
                    }
                }
            }
            return (ObjectNode) node;
        }

        private String requiredText(ObjectNode o, String at, String key, String what) {
            if (!o.has(key)) {
                problem(at, what + " needs " + quoted(key));
                return null;
            }
            return text(o.get(key), at + "/" + key);
        }

        private String text(JsonNode node, String at) {
            if (node == null) {
                return null;
            }
            if (!node.isTextual() || node.textValue().isBlank()) {
                problem(at, "text is expected here, not " + kind(node));
                return null;
            }
            return node.textValue();
        }

        private Integer count(JsonNode node, String at, int minimum) {
            if (node == null) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < minimum) {
                problem(at, "a whole number, " + minimum + " or more, is expected here, not " + kind(node));
                return null;
            }
            return node.intValue();
        }

        private Instant instant(JsonNode node, String at) {
            String text = text(node, at);
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                problem(at, quoted(text) + " is not a time; write it in ISO-8601 UTC, e.g. \"2026-01-05T09:00:00Z\"");
                return null;
            }
        }

        private Long seed(JsonNode node, String at) {
            if (node == null) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                problem(at, "\"seed\" is a whole number, not " + kind(node));
                return null;
            }
            return node.longValue();
        }

        private Duration duration(JsonNode node, String at) {
            if (node.isNumber() && node.asDouble() >= 0) {
                return Duration.ofMillis(Math.round(node.asDouble() * 1000));
            }
            Duration d = node.isTextual() ? FileDurations.parse(node.textValue()) : null;
            if (d == null) {
                problem(at, (node.isTextual() ? quoted(node.textValue()) : kind(node)) + " is not a duration; "
                        + FileDurations.HINT);
            }
            return d;
        }

        /** A path relative to the test file's directory that must exist (a file, or a directory for cdk.out). */
        private Path existingPath(JsonNode node, String at) {
            String text = text(node, at);
            if (text == null) {
                return null;
            }
            Path path = base.resolve(text).normalize();
            if (!Files.exists(path)) {
                problem(at, "no file " + quoted(text) + " (looked for " + path + "; paths are relative to the test"
                        + " file's directory)");
                return null;
            }
            return Paths.relativeToWorkingDirectory(path);
        }

        private JsonNode jsonFile(JsonNode node, String at) {
            Path path = existingPath(node, at);
            if (path == null) {
                return Json.nodes().objectNode();
            }
            try {
                String text = Files.readString(path);
                JsonNode parsed = SourceDocument.parse(text, SourceDocument.formatOf(path.toString(), text),
                        path.toString()).root();
                return parsed == null ? Json.nodes().nullNode() : parsed;
            } catch (IOException e) {
                problem(at, "cannot read " + path + " (" + e.getMessage() + ")");
            } catch (SourceSyntaxException e) {
                problem(at, path + ":" + e.line() + ":" + e.column() + " is not valid JSON: " + e.reason());
            }
            return Json.nodes().objectNode();
        }

        private void problem(String pointer, String message) {
            SourceLocation at = doc.locate(pointer);
            problems.add(new TestFileException.Problem(at.file(), at.line(), at.column(), message));
        }

        private static String kind(JsonNode node) {
            return switch (node.getNodeType()) {
                case ARRAY -> "a list";
                case OBJECT -> "an object";
                case STRING -> "the text " + quoted(node.textValue());
                case NULL -> "null";
                default -> node.toString();
            };
        }
    }

    static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private static String list(Set<String> names) {
        return String.join(", ", names);
    }
}
