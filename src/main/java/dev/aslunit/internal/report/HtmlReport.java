package dev.aslunit.internal.report;

import java.util.List;

/**
 * index.html: one self-contained file (inline CSS and SVG, no script, nothing from the network); a
 * summary page and one page per definition, shown by the URL's fragment ({@code index.html#def-2}).
 */
final class HtmlReport {

    private HtmlReport() {
    }

    static String render(CoverageReport report) {
        StringBuilder body = new StringBuilder();
        body.append("<div id=\"summary\"><div class=\"card\"><h2>Workflow coverage</h2>");
        if (report.definitions().isEmpty()) {
            body.append("<p class=\"muted\">No state machine was executed in this run.</p>");
        } else {
            body.append("<table><thead><tr><th>Definition</th><th class=\"num\">Executions</th><th>States</th>"
                    + "<th>Transitions</th><th class=\"num\">Retry rules fired</th></tr></thead><tbody>");
            List<DefinitionCoverage> defs = report.definitions();
            for (int i = 0; i < defs.size(); i++) {
                DefinitionCoverage d = defs.get(i);
                long fired = d.retries().stream().filter(r -> r.retries() > 0).count();
                body.append("<tr><td><a href=\"#").append(anchor(i)).append("\">").append(Html.escape(d.name()))
                        .append("</a></td><td class=\"num\">").append(d.executions()).append("</td><td>")
                        .append(ratio(d.statesCovered(), d.states().size(), d.stateRatio())).append("</td><td>")
                        .append(ratio(d.transitionsCovered(), d.transitions().size(), d.transitionRatio()))
                        .append("</td><td class=\"num\">").append(fired).append(" / ").append(d.retries().size())
                        .append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("</div></div>");
        for (int i = 0; i < report.definitions().size(); i++) {
            page(body, report.definitions().get(i), anchor(i));
        }
        return Html.page("ASLUnit workflow coverage", "ASLUnit workflow coverage", body.toString());
    }

    static String anchor(int index) {
        return "def-" + (index + 1);
    }

    private static String ratio(int covered, int total, double ratio) {
        return Html.bar(ratio) + CoverageReport.percent(ratio) + " <span class=\"muted\">(" + covered + "/" + total
                + ")</span>";
    }

    private static void page(StringBuilder b, DefinitionCoverage d, String anchor) {
        b.append("<section class=\"page\" id=\"").append(anchor).append("\" data-definition=\"")
                .append(Html.escape(d.id())).append("\"><p><a href=\"#summary\">← all definitions</a></p>")
                .append("<div class=\"card\"><h2>").append(Html.escape(d.name())).append("</h2><p>")
                .append(d.executions()).append(d.executions() == 1 ? " execution" : " executions");
        d.statuses().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
                b.append(" <span class=\"status ").append(e.getKey()).append("\">").append(e.getValue()).append(' ')
                        .append(e.getKey()).append("</span>"));
        b.append("</p><table class=\"totals\"><tr><th>States entered</th><td>")
                .append(ratio(d.statesCovered(), d.states().size(), d.stateRatio()))
                .append("</td></tr><tr><th>Transitions taken</th><td>")
                .append(ratio(d.transitionsCovered(), d.transitions().size(), d.transitionRatio()))
                .append("</td></tr></table></div>");
        b.append("<div class=\"card\"><h3>Graph</h3><p class=\"legend\"><span><i style=\"background:#e9f5ea;border-color:#1d8102\"></i>"
                + "entered / taken</span><span><i style=\"background:#fde7e7;border-color:#d13212\"></i>never entered /"
                + " never taken</span></p><div class=\"graph\">")
                .append(Svg.render(d.graph(), new CoveragePaint(d), d.name())).append("</div></div>");
        b.append("<div class=\"card\"><h3>Never exercised</h3>");
        List<String> missed = d.missed();
        if (missed.isEmpty()) {
            b.append("<p class=\"ok\">Every state, transition and Retry rule was exercised.</p>");
        } else {
            b.append("<ul class=\"missed\">");
            for (String m : missed) {
                b.append("<li class=\"miss\">").append(Html.escape(m)).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("</div><div class=\"card\"><h3>States</h3><table class=\"states\"><thead><tr><th>State</th><th>Type</th>"
                + "<th>In</th><th class=\"num\">Entered</th><th>Where</th></tr></thead><tbody>");
        for (DefinitionCoverage.StateCoverage s : d.states()) {
            b.append("<tr class=\"").append(s.covered() ? "ok" : "miss").append("\"><td>").append(Html.escape(s.name()))
                    .append("</td><td>").append(s.type()).append("</td><td>").append(Html.escape(s.parent()))
                    .append("</td><td class=\"num\">").append(s.entered()).append("</td><td><code>")
                    .append(Html.escape(DefinitionCoverage.where(s.pointer(), s.position()))).append("</code></td></tr>");
        }
        b.append("</tbody></table><h3>Transitions</h3><table class=\"transitions\"><thead><tr><th>From</th><th>By</th>"
                + "<th>To</th><th class=\"num\">Taken</th><th>Where</th></tr></thead><tbody>");
        for (DefinitionCoverage.TransitionCoverage t : d.transitions()) {
            b.append("<tr class=\"").append(t.covered() ? "ok" : "miss").append("\"><td>").append(Html.escape(t.from()))
                    .append("</td><td>").append(Html.escape(t.label())).append("</td><td>").append(Html.escape(t.to()))
                    .append("</td><td class=\"num\">").append(t.taken()).append("</td><td><code>")
                    .append(Html.escape(DefinitionCoverage.where(t.pointer(), t.position()))).append("</code></td></tr>");
        }
        b.append("</tbody></table>");
        if (!d.retries().isEmpty()) {
            b.append("<h3>Retry rules</h3><table class=\"retries\"><thead><tr><th>State</th><th>ErrorEquals</th>"
                    + "<th class=\"num\">MaxAttempts</th><th class=\"num\">Retries</th><th class=\"num\">Ran out</th>"
                    + "</tr></thead><tbody>");
            for (DefinitionCoverage.RetryCoverage r : d.retries()) {
                b.append("<tr class=\"").append(r.retries() > 0 ? "ok" : "miss").append("\"><td>")
                        .append(Html.escape(r.state())).append("</td><td>")
                        .append(Html.escape(String.join(", ", r.errorEquals()))).append("</td><td class=\"num\">")
                        .append(r.maxAttempts()).append("</td><td class=\"num\">").append(r.retries())
                        .append("</td><td class=\"num\">").append(r.exhausted()).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (!d.containers().isEmpty()) {
            b.append("<h3>Map and Parallel</h3><table class=\"containers\"><thead><tr><th>State</th><th>Type</th>"
                    + "<th class=\"num\">Runs</th><th>Iterations / branches</th></tr></thead><tbody>");
            for (DefinitionCoverage.ContainerCoverage c : d.containers()) {
                b.append("<tr><td>").append(Html.escape(c.state())).append("</td><td>").append(c.type())
                        .append("</td><td class=\"num\">").append(c.runs()).append("</td><td>");
                if (c.type().equals("Map")) {
                    b.append(c.iterations()).append(" iterations, ").append(c.failedIterations())
                            .append(" failed, at most ").append(c.maxConcurrency()).append(" at once");
                } else {
                    for (int i = 0; i < c.branchRuns().size(); i++) {
                        b.append(i == 0 ? "" : ", ").append("branch ").append(i + 1).append(": ")
                                .append(c.branchRuns().get(i)).append(" runs");
                    }
                }
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</div></section>");
    }
}
