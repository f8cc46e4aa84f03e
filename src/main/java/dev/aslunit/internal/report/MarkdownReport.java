package dev.aslunit.internal.report;

/** coverage.md: a table per run and per definition, its misses, and a Mermaid diagram GitHub renders. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(CoverageReport report) {
        StringBuilder b = new StringBuilder("# ASLUnit workflow coverage\n\n");
        if (report.definitions().isEmpty()) {
            return b.append("No state machine was executed in this run.\n").toString();
        }
        b.append("| Definition | Executions | States | Transitions | Retry rules fired |\n");
        b.append("|---|---:|---:|---:|---:|\n");
        for (DefinitionCoverage d : report.definitions()) {
            b.append("| ").append(cell(d.name())).append(" | ").append(d.executions()).append(" | ")
                    .append(CoverageReport.percent(d.stateRatio())).append(" (").append(d.statesCovered()).append('/')
                    .append(d.states().size()).append(") | ").append(CoverageReport.percent(d.transitionRatio()))
                    .append(" (").append(d.transitionsCovered()).append('/').append(d.transitions().size())
                    .append(") | ").append(d.retries().stream().filter(r -> r.retries() > 0).count()).append('/')
                    .append(d.retries().size()).append(" |\n");
        }
        for (DefinitionCoverage d : report.definitions()) {
            b.append("\n## ").append(d.name()).append("\n\n");
            if (d.missed().isEmpty()) {
                b.append("Every state, transition and Retry rule was exercised.\n");
            } else {
                b.append("Never exercised:\n\n");
                for (String m : d.missed()) {
                    b.append("- ").append(m.replace("|", "\\|")).append('\n');
                }
            }
            b.append("\n```mermaid\n").append(Mermaid.render(d.graph(), new CoveragePaint(d))).append("```\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
