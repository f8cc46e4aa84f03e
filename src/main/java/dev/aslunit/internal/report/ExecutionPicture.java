package dev.aslunit.internal.report;

import dev.aslunit.internal.pipeline.Models;
import dev.aslunit.internal.history.Durations;
import dev.aslunit.Execution;
import dev.aslunit.StateVisit;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A picture of one execution: the workflow's graph with the path taken highlighted, retries and
 * catches annotated and the virtual time of every state, as a self-contained HTML page (inline SVG)
 * and as Mermaid text. Failing assertions write it and name the file in their message.
 */
public final class ExecutionPicture {

    private ExecutionPicture() {
    }

    /** The graph as an SVG element. */
    public static String svg(Execution execution) {
        WorkflowGraph graph = new WorkflowGraph(Models.definition(execution));
        return Svg.render(graph, new ExecutionPaint(execution, graph), execution.name());
    }

    /** The graph as a Mermaid {@code stateDiagram-v2}. */
    public static String mermaid(Execution execution) {
        WorkflowGraph graph = new WorkflowGraph(Models.definition(execution));
        return Mermaid.render(graph, new ExecutionPaint(execution, graph));
    }

    /** A whole HTML page: the graph, then every visit with its virtual times. */
    public static String html(Execution execution) {
        WorkflowGraph graph = new WorkflowGraph(Models.definition(execution));
        ExecutionPaint paint = new ExecutionPaint(execution, graph);
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"card\"><h2>Execution ").append(Html.escape(execution.name()))
                .append(" <span class=\"status ").append(execution.status()).append("\">").append(execution.status())
                .append("</span></h2><p>Virtual time: started ").append(execution.startTime())
                .append(execution.stopTime() != null ? ", stopped " + execution.stopTime() : ", still running")
                .append(" (").append(Durations.format(execution.duration())).append(")");
        if (execution.error() != null) {
            b.append("<br>Error: <code>").append(Html.escape(execution.error())).append("</code>");
            if (execution.cause() != null) {
                String cause = execution.cause();
                b.append(" — ").append(Html.escape(cause.length() > 400 ? cause.substring(0, 400) + " …" : cause));
            }
        }
        b.append("</p><p class=\"legend\"><span><i style=\"background:#e9f5ea;border-color:#1d8102\"></i>path taken</span>"
                + "<span><i style=\"background:#fff4e0;border-color:#e07b00\"></i>failed, caught</span>"
                + "<span><i style=\"background:#fde7e7;border-color:#d13212\"></i>failed</span>"
                + "<span><i style=\"background:#fafafa;border-color:#aab7b8\"></i>not entered</span></p><div class=\"graph\">")
                .append(Svg.render(graph, paint, execution.name())).append("</div></div>");
        b.append("<div class=\"card\"><h3>Visits</h3><table class=\"visits\"><thead><tr><th class=\"num\">#</th>"
                + "<th>State</th><th>Where</th><th>Entered (virtual)</th><th class=\"num\">+</th><th class=\"num\">Took</th>"
                + "<th class=\"num\">Attempts</th><th>Outcome</th><th>Next</th></tr></thead><tbody>");
        int i = 0;
        for (StateVisit v : execution.visits()) {
            i++;
            String outcome = v.failed() ? (v.caughtBy() != null ? "caught " : "failed ") + v.error()
                    : v.exited() ? "ok" : v.aborted() ? "aborted" : execution.isRunning() ? "running"
                    : "stopped: " + execution.error();
            b.append("<tr class=\"").append(v.failed() ? "miss" : "").append("\"><td class=\"num\">").append(i)
                    .append("</td><td>").append(Html.escape(v.stateName())).append("</td><td>")
                    .append(Html.escape(v.where())).append("</td><td><code>").append(v.enteredAt())
                    .append("</code></td><td class=\"num\">")
                    .append(Durations.format(Duration.between(execution.startTime(), v.enteredAt())))
                    .append("</td><td class=\"num\">").append(v.duration() == null ? "" : Durations.format(v.duration()))
                    .append("</td><td class=\"num\">").append(v.attempts().isEmpty() ? "" : v.attempts().size())
                    .append(v.retries() > 0 ? " (" + String.join(", ", v.retriedErrors()) + ")" : "")
                    .append("</td><td>").append(Html.escape(outcome)).append("</td><td>")
                    .append(Html.escape(v.next())).append("</td></tr>");
        }
        b.append("</tbody></table></div><div class=\"card\"><details><summary>Mermaid</summary><pre>")
                .append(Html.escape(Mermaid.render(graph, paint))).append("</pre></details></div>");
        return Html.page("Execution " + execution.name(), "ASLUnit execution " + Html.escape(execution.name()),
                b.toString());
    }

    /**
     * Writes the page and the Mermaid text under {@code dir/executions/<definition>/<execution>.html}
     * (and {@code .mmd}) and returns the page's path.
     */
    public static Path write(Execution execution, Path directory) {
        return write(execution, directory, null);
    }

    /**
     * As {@link #write(Execution, Path)}, in a folder of its own for the test that ran it
     * ({@code executions/<definition>/<test>/<execution>.html}), so that two failing tests never draw
     * over each other's picture even when their executions have the same name.
     */
    public static Path write(Execution execution, Path directory, String test) {
        String definition = Models.definition(execution).location() != null && Models.definition(execution).location().file() != null
                ? Path.of(Models.definition(execution).location().file()).getFileName().toString() : "inline";
        Path base = directory.resolve("executions").resolve(slug(definition));
        if (test != null) {
            base = base.resolve(slug(test));
        }
        Path page = base.resolve(slug(execution.name()) + ".html");
        ReportWriter.write(page, html(execution));
        ReportWriter.write(base.resolve(slug(execution.name()) + ".mmd"), mermaid(execution));
        return page;
    }

    static String slug(String s) {
        String slug = s.replaceAll("[^A-Za-z0-9._-]+", "-");
        return slug.isEmpty() ? "_" : slug;
    }
}
