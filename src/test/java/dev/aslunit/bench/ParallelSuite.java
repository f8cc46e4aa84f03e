package dev.aslunit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Issue 9's parallel-execution check, run by hand (never by the tests): runs the JUnit tests of the
 * given packages {@code rounds} times in one JVM, serially or with Jupiter's parallel execution on
 * (concurrent classes and methods, one thread per core), and prints each round's wall time. The
 * first rounds warm the JVM up; compare the later ones. {@code -Dslowest=N} also prints each round's N
 * slowest test classes. See docs/performance.md.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) dev.aslunit.bench.ParallelSuite \
 *     parallel 5 com.example dev.aslunit.junit
 * </pre>
 */
public final class ParallelSuite {

    private ParallelSuite() {
    }

    public static void main(String[] args) {
        boolean parallel = "parallel".equals(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int slowest = Integer.getInteger("slowest", 0);
        String[] packages = Arrays.copyOfRange(args, 2, args.length);
        Launcher launcher = LauncherFactory.create();
        for (int round = 1; round <= rounds; round++) {
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
            for (String p : packages) {
                request.selectors(selectPackage(p));
            }
            request.configurationParameter("junit.jupiter.execution.parallel.enabled", Boolean.toString(parallel))
                    .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
            LauncherDiscoveryRequest built = request.build();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            Map<String, Long> started = new ConcurrentHashMap<>();
            Map<String, Long> took = new ConcurrentHashMap<>();
            TestExecutionListener timing = new TestExecutionListener() {
                @Override
                public void executionStarted(TestIdentifier id) {
                    started.put(id.getUniqueId(), System.nanoTime());
                }

                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (id.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                        took.put(id.getDisplayName(), System.nanoTime() - started.get(id.getUniqueId()));
                    }
                }
            };
            long t0 = System.nanoTime();
            launcher.execute(built, summary, timing);
            long wall = System.nanoTime() - t0;
            TestExecutionSummary s = summary.getSummary();
            System.out.printf("%s round %d: %d tests, %d failed, %.3f s%n", parallel ? "parallel" : "serial", round,
                    s.getTestsFoundCount(), s.getTotalFailureCount(), wall / 1e9);
            took.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(slowest)
                    .forEach(e -> System.out.printf("  %-50s %.3f s%n", e.getKey(), e.getValue() / 1e9));
            s.getFailures().forEach(f -> System.out.println("  " + f.getTestIdentifier().getDisplayName() + ": "
                    + f.getException()));
        }
    }
}
