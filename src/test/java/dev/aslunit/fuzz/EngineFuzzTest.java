package dev.aslunit.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated workflows, inputs and task answers: every one is valid, and each run of it ends as AWS
 * would, never hangs, and gives the same history twice and with its child executions kept (see
 * {@link Oracle}). A failure prints the seed and the shrunk definition and input.
 *
 * <p>CI runs {@code aslunit.fuzz.tries} workflows (pom.xml) from the fixed seed
 * {@code aslunit.fuzz.seed}; a long local run:
 * {@code mvn -B -o test -Dtest=EngineFuzzTest -Daslunit.fuzz.tries=20000}.
 */
class EngineFuzzTest {

    private static final int TRIES = Integer.getInteger("aslunit.fuzz.tries", 300);
    private static final long SEED = Long.getLong("aslunit.fuzz.seed", 20261124L);

    private static final Map<String, AtomicInteger> OUTCOMES = new TreeMap<>();
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static long started;

    @TestFactory
    Stream<DynamicTest> a_generated_workflow_ends_as_aws_would_and_runs_the_same_every_time() {
        started = System.nanoTime();
        SplittableRandom seeds = new SplittableRandom(SEED);
        return IntStream.range(0, TRIES).mapToLong(i -> seeds.nextLong())
                .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
                    try {
                        check(seed);
                    } finally {
                        progress();
                    }
                }));
    }

    private static void check(long seed) {
        FuzzCase generated = FuzzCase.generate(seed);
        Oracle.Result result = Oracle.checkAndRun(generated);
        if (result.problem().isEmpty()) {
            Oracle.Outcome outcome = result.outcome();
            count(outcome.hitEventLimit() ? "FAILED at the event limit"
                    : outcome.status() + (outcome.error() == null ? "" : " " + outcome.error()));
            String text = generated.definition().toString();
            count(text.contains("DISTRIBUTED") ? "with a Distributed Map" : "without a Distributed Map");
            count(text.contains("{%") ? "with JSONata" : "without JSONata");
            count(text.contains("\"Assign\"") ? "with Assign" : "without Assign");
            count(text.contains("ItemReader") ? "with an ItemReader" : "without an ItemReader");
            count(text.contains("ResultWriter") ? "with a ResultWriter" : "without a ResultWriter");
            return;
        }
        count("failed");
        Shrinker.Shrunk shrunk = Shrinker.shrink(generated, result.problem().get());
        fail("A generated workflow broke the engine's promise: " + result.problem().get().kind() + "\n"
                + "\nShrunk in " + shrunk.checks() + " checks to this case:\n"
                + shrunk.smallest().describe() + "\n\nwhere: " + shrunk.problem().message()
                + "\n\nFuzzCase.generate(" + seed + "L) rebuilds the unshrunk case.");
    }

    private static synchronized void count(String what) {
        OUTCOMES.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    /** A long run says how far it got, so one stopped early still has a figure. */
    private static void progress() {
        int done = CHECKED.incrementAndGet();
        if (done % 1000 == 0) {
            System.out.println("EngineFuzzTest: " + done + " workflows after " + (System.nanoTime() - started) / 1_000_000
                    + " ms; " + OUTCOMES);
        }
    }

    /** The run's figures, for docs/performance.md: what was generated and how the runs ended. */
    @AfterAll
    static void report() {
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("EngineFuzzTest: " + TRIES + " workflows from seed " + SEED + " in " + millis + " ms, "
                + "each counted below (a refused definition counts as failed); " + OUTCOMES);
    }
}
