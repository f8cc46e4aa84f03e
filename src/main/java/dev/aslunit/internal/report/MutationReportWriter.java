package dev.aslunit.internal.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;
import dev.aslunit.mutation.DefinitionMutations;
import dev.aslunit.mutation.MutantResult;
import dev.aslunit.mutation.MutationReport;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a mutation test run beside the coverage report: {@code mutation.json} (schemaVersion 1),
 * {@code mutation.html} and {@code mutation.md}, each with the score per definition and every
 * surviving mutant with its diff and the kind of test that would kill it.
 */
public final class MutationReportWriter {

    private MutationReportWriter() {
    }

    public static void write(MutationReport report, Path directory) {
        ReportWriter.write(directory.resolve("mutation.json"), json(report));
        ReportWriter.write(directory.resolve("mutation.html"), html(report));
        ReportWriter.write(directory.resolve("mutation.md"), markdown(report));
    }

    static String json(MutationReport report) {
        ObjectNode root = Json.nodes().objectNode();
        root.put("schemaVersion", 1).put("tool", "ASLUnit").put("threads", report.threads())
                .put("seconds", round(report.nanos() / 1e9)).put("mutantsPerSecond", round(report.mutantsPerSecond()));
        ArrayNode definitions = root.putArray("definitions");
        for (DefinitionMutations d : report.definitions()) {
            ObjectNode o = definitions.addObject();
            o.put("definition", d.definition()).put("score", round(d.score()));
            d.tests().forEach(o.putArray("tests")::add);
            ObjectNode counts = o.putObject("counts");
            counts.put("mutants", d.results().size()).put("invalid", d.invalid().size());
            for (MutantResult.Status s : MutantResult.Status.values()) {
                counts.put(s.name().toLowerCase(Locale.ROOT), d.count(s));
            }
            ArrayNode mutants = o.putArray("mutants");
            for (MutantResult r : d.results()) {
                ObjectNode m = mutants.addObject();
                m.put("id", r.mutant().id()).put("operator", r.mutant().operator().key())
                        .put("pointer", r.mutant().pointer()).put("description", r.mutant().description())
                        .put("status", r.status().name()).put("killedBy", r.killedBy()).put("failure", r.failure())
                        .put("equivalence", r.mutant().equivalence());
                if (r.status() == MutantResult.Status.SURVIVED) {
                    m.put("diff", r.mutant().diff()).put("suggestion", r.mutant().operator().suggestion());
                }
            }
            d.invalid().forEach(o.putArray("invalid")::add);
        }
        return Json.pretty(root) + "\n";
    }

    static String markdown(MutationReport report) {
        StringBuilder md = new StringBuilder("# ASLUnit mutation testing\n\n");
        md.append(String.format(Locale.ROOT, "%d definitions, %.1f s, %.0f mutants/s on %d threads.%n%n",
                report.definitions().size(), report.nanos() / 1e9, report.mutantsPerSecond(), report.threads()));
        md.append("| definition | score | killed | timed out | survived | equivalent | not run | invalid |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (DefinitionMutations d : report.definitions()) {
            md.append("| ").append(d.definition()).append(" | ").append(percent(d.score())).append(" | ")
                    .append(d.count(MutantResult.Status.KILLED)).append(" | ").append(d.count(MutantResult.Status.TIMED_OUT))
                    .append(" | ").append(d.count(MutantResult.Status.SURVIVED)).append(" | ")
                    .append(d.count(MutantResult.Status.EQUIVALENT)).append(" | ")
                    .append(d.count(MutantResult.Status.NOT_RUN)).append(" | ").append(d.invalid().size()).append(" |\n");
        }
        for (DefinitionMutations d : report.definitions()) {
            if (d.survivors().isEmpty()) {
                continue;
            }
            md.append("\n## Surviving mutants of ").append(d.definition()).append("\n");
            for (MutantResult r : d.survivors()) {
                md.append("\n### `").append(r.mutant().id()).append("`\n\n").append(r.mutant().description())
                        .append(". To kill it: ").append(r.mutant().operator().suggestion()).append("\n\n```diff\n")
                        .append(r.mutant().diff()).append("```\n");
            }
        }
        return md.toString();
    }

    static String html(MutationReport report) {
        StringBuilder body = new StringBuilder("<div class=\"card\"><h2>Mutation score</h2><table><tr><th>definition</th>"
                + "<th class=\"num\">score</th><th class=\"num\">killed</th><th class=\"num\">timed out</th>"
                + "<th class=\"num\">survived</th><th class=\"num\">equivalent</th><th class=\"num\">not run</th>"
                + "<th class=\"num\">invalid</th></tr>");
        for (DefinitionMutations d : report.definitions()) {
            body.append("<tr><td><code>").append(Html.escape(d.definition())).append("</code></td><td class=\"num\">")
                    .append(Html.bar(d.score())).append(percent(d.score())).append("</td>");
            for (MutantResult.Status s : MutantResult.Status.values()) {
                body.append("<td class=\"num\">").append(d.count(s)).append("</td>");
            }
            body.append("<td class=\"num\">").append(d.invalid().size()).append("</td></tr>");
        }
        body.append(String.format(Locale.ROOT, "</table><p class=\"muted\">%.1f s, %.0f mutants/s on %d threads</p></div>",
                report.nanos() / 1e9, report.mutantsPerSecond(), report.threads()));
        for (DefinitionMutations d : report.definitions()) {
            body.append("<div class=\"card\"><h2>").append(Html.escape(d.definition())).append("</h2>");
            for (MutantResult r : d.results()) {
                String css = r.status().killed() ? "ok" : r.status() == MutantResult.Status.SURVIVED ? "miss" : "muted";
                body.append("<h3><span class=\"").append(css).append("\">").append(r.status()).append("</span> <code>")
                        .append(Html.escape(r.mutant().id())).append("</code></h3><p>")
                        .append(Html.escape(r.mutant().description()));
                if (r.killedBy() != null) {
                    body.append(" &mdash; killed by <code>").append(Html.escape(r.killedBy())).append("</code>");
                }
                if (r.mutant().isEquivalent()) {
                    body.append(" &mdash; ").append(Html.escape(r.mutant().equivalence()));
                }
                body.append("</p>");
                if (r.status() == MutantResult.Status.SURVIVED) {
                    body.append("<p>To kill it: ").append(Html.escape(r.mutant().operator().suggestion()))
                            .append("</p><pre>").append(Html.escape(r.mutant().diff())).append("</pre>");
                }
            }
            body.append("</div>");
        }
        return Html.page("ASLUnit mutation testing", "ASLUnit mutation testing", body.toString());
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
