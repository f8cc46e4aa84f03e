package dev.aslunit.junit;

import dev.aslunit.internal.report.CoverageReport;
import dev.aslunit.internal.report.ReportWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * A JUnit run as Markdown for a CI job's summary page, the same shape {@code aslunit test --summary}
 * writes: the results, each failure with its message and the Mermaid pictures of its executions,
 * and the workflow coverage table. Collected by a listener of the launcher session.
 */
final class RunSummary implements TestExecutionListener {

    private record Result(String name, TestExecutionResult.Status status, String message) {
    }

    private final List<Result> results = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The Mermaid pictures of each failing test's executions, by the test's unique id (from the extension). */
    private final Map<String, List<String>> pictures = new ConcurrentHashMap<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            String message = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse(null);
            results.add(new Result(test.getDisplayName(), result.getStatus(), message));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            results.add(new Result(test.getDisplayName(), null, reason));
        }
    }

    void pictures(String uniqueId, List<String> mermaid) {
        pictures.put(uniqueId, mermaid);
    }

    String render(CoverageReport coverage) {
        List<Result> all;
        synchronized (results) {
            all = List.copyOf(results);
        }
        long passed = all.stream().filter(r -> r.status() == TestExecutionResult.Status.SUCCESSFUL).count();
        long failed = all.stream().filter(r -> r.status() == TestExecutionResult.Status.FAILED).count();
        long skipped = all.size() - passed - failed;
        StringBuilder b = new StringBuilder("# ASLUnit test results\n\n");
        b.append(failed == 0 ? "✅ " : "❌ ").append(passed).append(" passed, ").append(failed).append(" failed, ")
                .append(skipped).append(" skipped\n");
        for (Result r : all) {
            if (r.status() != TestExecutionResult.Status.FAILED) {
                continue;
            }
            b.append("\n## Failed: ").append(r.name()).append("\n\n```text\n").append(r.message()).append("\n```\n");
        }
        pictures.values().forEach(list -> list.forEach(m -> b.append("\n```mermaid\n").append(m).append("```\n")));
        if (coverage != null) {
            b.append('\n').append(ReportWriter.markdown(coverage).replaceAll("(?m)^#", "##"));
        }
        return b.toString();
    }
}
