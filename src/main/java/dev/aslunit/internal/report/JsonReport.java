package dev.aslunit.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** coverage.json: the schema docs/reports.md documents, versioned by {@link CoverageReport#SCHEMA_VERSION}. */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(CoverageReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", CoverageReport.SCHEMA_VERSION);
        root.put("tool", "ASLUnit");
        int states = 0;
        int statesCovered = 0;
        int transitions = 0;
        int transitionsCovered = 0;
        ArrayNode definitions = JSON.createArrayNode();
        for (DefinitionCoverage d : report.definitions()) {
            states += d.states().size();
            statesCovered += d.statesCovered();
            transitions += d.transitions().size();
            transitionsCovered += d.transitionsCovered();
            definitions.add(definition(d));
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("definitions", report.definitions().size());
        counter(totals.putObject("states"), states, statesCovered);
        counter(totals.putObject("transitions"), transitions, transitionsCovered);
        root.set("definitions", definitions);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode definition(DefinitionCoverage d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", d.id());
        o.put("name", d.name());
        o.put("executions", d.executions());
        ObjectNode statuses = o.putObject("statuses");
        d.statuses().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> statuses.put(e.getKey(), e.getValue()));
        ObjectNode summary = o.putObject("summary");
        counter(summary.putObject("states"), d.states().size(), d.statesCovered());
        counter(summary.putObject("transitions"), d.transitions().size(), d.transitionsCovered());
        int fired = 0;
        int exhausted = 0;
        for (DefinitionCoverage.RetryCoverage r : d.retries()) {
            fired += r.retries() > 0 ? 1 : 0;
            exhausted += r.exhausted() > 0 ? 1 : 0;
        }
        ObjectNode retry = summary.putObject("retryRules");
        retry.put("total", d.retries().size());
        retry.put("fired", fired);
        retry.put("exhausted", exhausted);
        ArrayNode states = o.putArray("states");
        for (DefinitionCoverage.StateCoverage s : d.states()) {
            ObjectNode n = states.addObject();
            n.put("name", s.name());
            n.put("type", s.type());
            n.put("parent", s.parent());
            n.put("pointer", s.pointer());
            n.put("location", s.position());
            n.put("entered", s.entered());
        }
        ArrayNode transitions = o.putArray("transitions");
        for (DefinitionCoverage.TransitionCoverage t : d.transitions()) {
            ObjectNode n = transitions.addObject();
            n.put("from", t.from());
            n.put("to", t.to());
            n.put("kind", t.kind());
            if (t.index() >= 0) {
                n.put("index", t.index());
            }
            n.put("label", t.label());
            n.put("pointer", t.pointer());
            n.put("location", t.position());
            n.put("taken", t.taken());
        }
        ArrayNode retries = o.putArray("retries");
        for (DefinitionCoverage.RetryCoverage r : d.retries()) {
            ObjectNode n = retries.addObject();
            n.put("state", r.state());
            n.put("index", r.index());
            ArrayNode errors = n.putArray("errorEquals");
            r.errorEquals().forEach(errors::add);
            n.put("maxAttempts", r.maxAttempts());
            n.put("pointer", r.pointer());
            n.put("location", r.position());
            n.put("retries", r.retries());
            n.put("exhausted", r.exhausted());
        }
        ArrayNode containers = o.putArray("containers");
        for (DefinitionCoverage.ContainerCoverage c : d.containers()) {
            ObjectNode n = containers.addObject();
            n.put("state", c.state());
            n.put("type", c.type());
            n.put("runs", c.runs());
            if (c.type().equals("Map")) {
                n.put("iterations", c.iterations());
                n.put("failedIterations", c.failedIterations());
                n.put("maxConcurrency", c.maxConcurrency());
            } else {
                ArrayNode runs = n.putArray("branchRuns");
                c.branchRuns().forEach(runs::add);
            }
        }
        ArrayNode uncovered = o.putArray("statesNeverEntered");
        d.statesNeverEntered().forEach(s -> uncovered.add(s.name()));
        ArrayNode rules = o.putArray("choiceRulesNeverTrue");
        for (DefinitionCoverage.TransitionCoverage t : d.choiceRulesNeverTrue()) {
            ObjectNode n = rules.addObject();
            n.put("state", t.from());
            n.put("index", t.index());
            n.put("next", t.to());
            n.put("pointer", t.pointer());
            n.put("location", t.position());
        }
        return o;
    }

    private static void counter(ObjectNode o, int total, int covered) {
        o.put("total", total);
        o.put("covered", covered);
        o.put("missed", total - covered);
        o.put("ratio", Math.round(DefinitionCoverage.ratio(covered, total) * 10000) / 10000.0);
    }
}
