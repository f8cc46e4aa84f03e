package dev.aslunit.internal.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A readable, line-per-step account of a history on its virtual clock: states entered and left,
 * task attempts with their answers, retries with their backoff, catches, and the end. Offsets
 * count from the first event, so the same execution always prints the same trace.
 */
public final class ExecutionTrace {

    private ExecutionTrace() {
    }

    public static String format(List<HistoryEvent> events) {
        StringBuilder sb = new StringBuilder();
        if (events.isEmpty()) {
            return "";
        }
        Instant start = events.get(0).timestamp();
        Instant failedAt = null;
        int attempt = 1;
        for (HistoryEvent e : events) {
            String line = describe(e);
            String t = e.type();
            if (t.endsWith("StateEntered")) {
                failedAt = null;
                attempt = 1;
            } else if (t.endsWith("Scheduled") && failedAt != null) {
                attempt++;
                line = line + "   (attempt " + attempt + ", retried after "
                        + offset(Duration.between(failedAt, e.timestamp())).substring(1) + ")";
                failedAt = null;
            } else if (t.endsWith("StateExited") && failedAt != null) {
                line = line + "   (caught)";
            }
            if (t.endsWith("Failed") || t.endsWith("TimedOut")) {
                failedAt = e.timestamp();
            }
            if (line != null) {
                sb.append(String.format("%-12s %s%n", offset(Duration.between(start, e.timestamp())), line));
            }
        }
        return sb.toString();
    }

    private static String describe(HistoryEvent e) {
        String t = e.type();
        if (t.endsWith("StateEntered")) {
            return "→ " + e.stateName() + " (" + t.substring(0, t.length() - "StateEntered".length()) + ")  input "
                    + text(e, "input");
        }
        if (t.endsWith("StateExited")) {
            String assigned = e.details() != null && e.details().has("assignedVariables")
                    ? "  assigned " + e.details().get("assignedVariables") : "";
            return "← " + e.stateName() + "  output " + text(e, "output") + assigned;
        }
        switch (t) {
            case "ExecutionStarted":
                return "execution started  input " + text(e, "input");
            case "ExecutionSucceeded":
                return "execution SUCCEEDED  output " + text(e, "output");
            case "ExecutionFailed":
                return "execution FAILED  " + error(e);
            case "ExecutionTimedOut":
                return "execution TIMED_OUT";
            case "ExecutionAborted":
                return "execution ABORTED  " + error(e);
            case "MapIterationStarted":
            case "MapIterationSucceeded":
            case "MapIterationFailed":
            case "MapIterationAborted":
                return "  " + t.substring("MapIteration".length()).toLowerCase() + " iteration #"
                        + e.details().path("index").asText();
            default:
                break;
        }
        if (t.endsWith("Scheduled")) {
            JsonNode d = e.details();
            String resource = d.has("resourceType") ? d.get("resourceType").asText() + ":" + d.get("resource").asText()
                    : d.path("resource").asText();
            return "  call " + resource + "  with " + (d.has("parameters") ? d.get("parameters").asText()
                    : text(e, "input"));
        }
        if (t.endsWith("Succeeded") && e.details() != null && e.details().has("output")) {
            return "  answered " + text(e, "output");
        }
        if (t.endsWith("Failed") || t.endsWith("TimedOut")) {
            return "  " + t + "  " + error(e);
        }
        return null;
    }

    private static String text(HistoryEvent e, String field) {
        return e.details() == null ? "" : e.details().path(field).asText();
    }

    private static String error(HistoryEvent e) {
        if (e.details() == null) {
            return "";
        }
        String err = e.details().path("error").asText("");
        String cause = e.details().path("cause").asText("");
        return (err + (cause.isEmpty() ? "" : ": " + cause)).trim();
    }

    private static String offset(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return "+" + s + (d.getNano() > 0 ? String.format(".%03d", d.getNano() / 1_000_000) : "") + "s";
        }
        return "+" + (s / 86400 > 0 ? s / 86400 + "d" : "") + String.format("%02d:%02d:%02d", s % 86400 / 3600,
                s % 3600 / 60, s % 60);
    }
}
