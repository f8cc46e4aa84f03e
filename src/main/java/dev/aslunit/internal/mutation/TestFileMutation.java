package dev.aslunit.internal.mutation;

import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.internal.pipeline.MutantScope;
import dev.aslunit.testfile.CaseResult;
import dev.aslunit.testfile.TestCase;
import dev.aslunit.testfile.TestFileException;
import dev.aslunit.testfile.TestFileReader;
import dev.aslunit.testfile.TestFileRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test files' front end of mutation testing ({@code aslunit mutate --test-files}): the cases
 * run in this JVM, with no test framework, one mutant's cases after the other until one fails.
 */
public final class TestFileMutation {

    private TestFileMutation() {
    }

    /** A definition the cases load, as the first case that loaded it asked for it, and every case that loads it. */
    private record Used(MutantScope.Load load, List<TestCase> cases) {
    }

    /**
     * Reads the test files (directories are searched as {@code aslunit test} searches them), runs
     * every case once unmutated, and returns each definition the cases load with those cases as its
     * suite.
     *
     * @throws IllegalArgumentException for a path that is not there or a test file with mistakes, listing them
     * @throws IllegalStateException    when a case fails without any mutant
     */
    public static List<MutationRun.Target> targets(List<Path> paths) {
        List<TestCase> cases = new ArrayList<>();
        try {
            for (Path file : TestFileReader.find(paths)) {
                cases.addAll(TestFileReader.read(file).cases());
            }
        } catch (TestFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, Used> used = new LinkedHashMap<>();
        TestFileRunner runner = new TestFileRunner();
        for (TestCase c : cases) {
            CaseResult result = MutantScope.recording(load -> {
                List<TestCase> users = used.computeIfAbsent(load.identity(), k -> new Used(load, new ArrayList<>())).cases();
                if (!users.contains(c)) {
                    users.add(c);
                }
            }).run(() -> runner.run(c));
            if (!result.passed()) {
                throw new IllegalStateException("The test files fail without any mutant: " + c + ": "
                        + MutationRun.firstLine(result.message(), result.outcome().name())
                        + "\nMutation testing needs a passing suite; fix it first (aslunit test shows why).");
            }
        }
        List<MutationRun.Target> targets = new ArrayList<>();
        for (Map.Entry<String, Used> e : used.entrySet()) {
            StepFunctionsConfig config = e.getValue().load().config();
            PreparedStateMachine original = PreparedStateMachine.prepare(config, null);
            List<TestCase> users = List.copyOf(e.getValue().cases());
            targets.add(new MutationRun.Target(MutationRun.name(config), e.getKey(),
                    users.stream().map(c -> c.file().toString()).distinct().toList(), original.json(), original.type(),
                    (mutant, scope) -> run(users, scope)));
        }
        return targets;
    }

    /** Each case in its own sandbox (the mutant is compiled once, for this run), until one does not pass. */
    private static MutationRun.Outcome run(List<TestCase> cases, MutantScope scope) {
        TestFileRunner runner = new TestFileRunner();
        for (TestCase c : cases) {
            CaseResult result = runner.run(c);
            if (!result.passed()) {
                scope.stop();
                return new MutationRun.Outcome(c.toString(), MutationRun.firstLine(result.message(),
                        result.outcome().name()));
            }
            if (scope.stopped()) {
                break;
            }
        }
        return MutationRun.Outcome.PASSED;
    }
}
