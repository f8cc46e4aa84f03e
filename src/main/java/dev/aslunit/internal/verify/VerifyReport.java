package dev.aslunit.internal.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per workflow, per state: how many TestState calls agreed with ASLUnit, which differed (and on what),
 * which visits were not verified and why, and in a dry run the calls that would be made. Written as
 * {@code verify.json} and {@code verify.md} beside the coverage report.
 */
final class VerifyReport {

    /** What one state got over the run. */
    private static final class StateTally {
        int verified;
        int planned;
        final List<String> differed = new ArrayList<>();
        final Set<String> notVerified = new LinkedHashSet<>();
    }

    private final VerifySettings settings;
    private final Map<String, Map<String, StateTally>> workflows = new LinkedHashMap<>();
    private final List<ObjectNode> plannedCalls = new ArrayList<>();

    VerifyReport(VerifySettings settings) {
        this.settings = settings;
    }

    void workflow(String workflow, List<String> states) {
        Map<String, StateTally> tallies = workflows.computeIfAbsent(workflow, w -> new LinkedHashMap<>());
        states.forEach(s -> tallies.computeIfAbsent(s, k -> new StateTally()));
    }

    void verified(String workflow, StateCall call) {
        tally(workflow, call.state()).verified++;
    }

    void differed(String workflow, StateCall call, List<Answer.Difference> differences) {
        List<String> fields = new ArrayList<>();
        for (Answer.Difference d : differences) {
            fields.add(d.field() + " " + shown(d.aslunit()) + " (ASLUnit) vs " + shown(d.endpoint()) + " (endpoint)");
        }
        tally(workflow, call.state()).differed.add(call.place() + ": " + String.join(", ", fields));
    }

    void notVerified(String workflow, String state, String reason) {
        tally(workflow, state).notVerified.add(reason);
    }

    void planned(String workflow, StateCall call) {
        tally(workflow, call.state()).planned++;
        // what the dry run would have sent, whole, and where in which execution
        ObjectNode entry = Json.nodes().objectNode();
        entry.put("workflow", workflow);
        entry.put("execution", call.execution());
        entry.put("place", call.place());
        entry.set("request", call.requestJson());
        plannedCalls.add(entry);
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value;
    }

    private StateTally tally(String workflow, String state) {
        return workflows.computeIfAbsent(workflow, w -> new LinkedHashMap<>()).computeIfAbsent(state, s -> new StateTally());
    }

    void write(Path directory, int calls) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("verify.json"), Json.pretty(json(calls)));
            Files.writeString(directory.resolve("verify.md"), markdown(calls));
            if (settings.dryRun()) {
                ArrayNode list = Json.nodes().arrayNode();
                plannedCalls.forEach(list::add);
                Files.writeString(directory.resolve("verify-calls.json"), Json.pretty(list));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the verify report into " + directory, e);
        }
    }

    private static String status(StateTally t) {
        if (!t.differed.isEmpty()) {
            return "differed";
        }
        if (t.verified > 0) {
            return "verified";
        }
        if (t.planned > 0) {
            return "planned";
        }
        return t.notVerified.isEmpty() ? "not run" : "not verified";
    }

    private ObjectNode json(int calls) {
        ObjectNode root = Json.nodes().objectNode();
        root.put("endpoint", settings.endpoint().toString());
        root.put("dryRun", settings.dryRun());
        root.put("calls", settings.dryRun() ? plannedCalls.size() : calls);
        root.put("maxCalls", settings.maxCalls());
        ArrayNode list = root.putArray("workflows");
        workflows.forEach((workflow, states) -> {
            ObjectNode w = list.addObject();
            w.put("workflow", workflow);
            ArrayNode array = w.putArray("states");
            states.forEach((state, t) -> {
                ObjectNode s = array.addObject();
                s.put("state", state);
                s.put("status", status(t));
                s.put("verifiedCalls", t.verified);
                if (settings.dryRun()) {
                    s.put("plannedCalls", t.planned);
                }
                t.differed.forEach(s.withArray("differences")::add);
                t.notVerified.forEach(s.withArray("notVerified")::add);
            });
        });
        return root;
    }

    private String markdown(int calls) {
        StringBuilder md = new StringBuilder("# Verify on AWS\n\n");
        md.append("Endpoint: ").append(settings.endpoint()).append(settings.dryRun()
                ? " (dry run: " + plannedCalls.size() + " TestState calls listed in verify-calls.json, none made)"
                : " (" + calls + " TestState calls of at most " + settings.maxCalls() + ")").append("\n");
        workflows.forEach((workflow, states) -> {
            md.append("\n## ").append(workflow).append("\n\n| state | result | calls | notes |\n| --- | --- | --- | --- |\n");
            states.forEach((state, t) -> {
                List<String> notes = new ArrayList<>(t.differed);
                t.notVerified.forEach(r -> notes.add("not verified: " + r));
                md.append("| ").append(state).append(" | ").append(status(t)).append(" | ")
                        .append(settings.dryRun() ? t.planned : t.verified + t.differed.size()).append(" | ")
                        .append(String.join("; ", notes).replace("|", "\\|")).append(" |\n");
            });
        });
        return md.toString();
    }
}
