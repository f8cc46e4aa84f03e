package dev.aslunit.testfile;

import dev.aslunit.internal.report.ExecutionPicture;
import dev.aslunit.internal.report.ReportWriter;

/**
 * A run as Markdown for a CI job's summary page ({@code $GITHUB_STEP_SUMMARY}): the results, each
 * failure with its message and a Mermaid picture of its execution, and the workflow coverage table.
 */
public final class MarkdownSummary {

    private MarkdownSummary() {
    }

    public static String render(TestRun run) {
        long passed = run.count(CaseResult.Outcome.PASSED);
        long failed = run.count(CaseResult.Outcome.FAILED);
        long errors = run.count(CaseResult.Outcome.ERROR) + run.unreadableFiles();
        StringBuilder b = new StringBuilder("# ASLUnit test results\n\n");
        b.append(run.passed() ? "✅ " : "❌ ").append(passed).append(" passed, ").append(failed).append(" failed, ")
                .append(errors).append(errors == 1 ? " error" : " errors").append("\n\n");
        b.append("| Result | Case | File |\n|---|---|---|\n");
        for (FileResult file : run.files()) {
            String name = Paths.shown(file.file());
            if (file.problem() != null) {
                b.append("| ❗ error | (the test file) | ").append(cell(name)).append(" |\n");
            }
            for (CaseResult c : file.cases()) {
                b.append("| ").append(switch (c.outcome()) {
                    case PASSED -> "✅ passed";
                    case FAILED -> "❌ failed";
                    case ERROR -> "❗ error";
                }).append(" | ").append(cell(c.testCase().name())).append(" | ").append(cell(name)).append(" |\n");
            }
        }
        for (FileResult file : run.files()) {
            if (file.problem() != null) {
                b.append("\n## ").append(Paths.shown(file.file())).append("\n\n```text\n")
                        .append(file.problem().getMessage()).append("\n```\n");
            }
            for (CaseResult c : file.cases()) {
                if (c.passed()) {
                    continue;
                }
                b.append("\n## ").append(c.outcome() == CaseResult.Outcome.FAILED ? "Failed: " : "Error: ")
                        .append(c.testCase().name()).append("\n\n```text\n").append(c.message()).append("\n```\n");
                if (c.execution() != null) {
                    b.append("\n```mermaid\n").append(ExecutionPicture.mermaid(c.execution())).append("```\n");
                }
            }
        }
        // the coverage report's own Markdown, one heading level down
        String coverage = ReportWriter.markdown(run.coverage()).replaceAll("(?m)^#", "##");
        return b.append('\n').append(coverage).toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
