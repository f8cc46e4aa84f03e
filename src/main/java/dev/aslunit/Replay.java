package dev.aslunit;

import dev.aslunit.internal.facts.AwsHistoryFacts;
import dev.aslunit.internal.facts.AwsHistoryReader;
import dev.aslunit.internal.json.UserJson;
import dev.aslunit.internal.history.Durations;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.ParallelState;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.json.Json;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.mock.TaskResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replays an execution recorded on AWS ({@code GetExecutionHistory}'s JSON): every Task state is
 * answered exactly as the history says it was (results, errors, timeouts, in the order they came,
 * each after the latency recorded between its scheduling and its answer), the definition is run on
 * the recorded input from the recorded start time, and the run must take the same path to the same
 * result. A difference is a finding: the definition changed since, or ASLUnit and AWS disagree.
 */
final class Replay {

    /** The error of a call the history has no answer for (the replay called a Task more often than AWS did). */
    static final String NO_RECORDED_ANSWER = "ASLUnit.Replay.NoRecordedAnswer";

    private static final Set<String> SCHEDULED = Set.of("TaskScheduled", "LambdaFunctionScheduled", "ActivityScheduled");
    private static final List<String> TASK_PREFIXES = List.of("Task", "LambdaFunction", "Activity");

    private Replay() {
    }

    /** One answer of the history: a result (whole response), an error, or none (the attempt timed out). */
    private record Answer(long scheduledId, String state, JsonNode result, String error, String cause, boolean timedOut,
            Duration latency) {
    }

    static Execution replay(StateMachineUnderTest sfn, Object history) {
        List<HistoryEvent> events = AwsHistoryReader.read(UserJson.read(history, "The execution history"));
        if (events.isEmpty() || !events.get(0).type().equals("ExecutionStarted")) {
            throw new IllegalArgumentException("The execution history does not begin with ExecutionStarted: give"
                    + " the whole output of GetExecutionHistory (aws stepfunctions get-execution-history"
                    + " --execution-arn ARN > history.json), not a part of it");
        }
        Execution recorded = Execution.fromHistory("recorded", sfn.definition(), events);
        if (recorded.isRunning()) {
            throw new IllegalArgumentException("The recorded execution had not ended when its history was read:"
                    + " replay the history of an execution that succeeded, failed, timed out or was aborted");
        }
        Map<String, List<Answer>> answers = answers(events);
        for (String task : taskStates(sfn.definition(), new ArrayList<>())) {
            script(sfn.mock(task), task, answers.getOrDefault(task, List.of()));
        }
        if (events.get(0).timestamp().isAfter(sfn.clock().now())) {
            sfn.clock().advanceTo(events.get(0).timestamp());
        }
        Execution replayed = null;
        String unfinished = null;
        try {
            replayed = sfn.start("replay", recorded.input() == null ? Json.nodes().objectNode() : recorded.input());
            replayed.awaitCompletion();
        } catch (AssertionError neverEnds) {
            unfinished = neverEnds.getMessage();
            List<Execution> started = sfn.executions();
            replayed = started.get(started.size() - 1);
        }
        String differences = compare(recorded, replayed);
        if (differences != null || unfinished != null) {
            throw new AssertionError("The replay differs from the recorded execution:\n"
                    + (differences == null ? "" : differences) + (unfinished == null ? "" : "\n" + unfinished));
        }
        return replayed;
    }

    private static void script(TaskMock mock, String state, List<Answer> answers) {
        for (Answer a : answers) {
            if (a.timedOut()) {
                mock.neverAnswers();
            } else if (a.error() != null) {
                mock.fails(a.error(), a.cause()).after(a.latency());
            } else {
                mock.returns(TaskResults.wholeResponse(a.result() == null ? Json.nodes().nullNode() : a.result()))
                        .after(a.latency());
            }
        }
        mock.fails(NO_RECORDED_ANSWER, "The recorded history has no more answers for the Task state \"" + state + "\"");
    }

    /** Every Task state's name, at every depth; each is mocked, so a Task AWS never called answers with a finding. */
    private static List<String> taskStates(StateMachineDefinition machine, List<String> out) {
        for (State state : machine.states().values()) {
            if (state instanceof TaskState) {
                out.add(state.name());
            } else if (state instanceof ParallelState) {
                ((ParallelState) state).branches().forEach(b -> taskStates(b, out));
            } else if (state instanceof MapState) {
                taskStates(((MapState) state).itemProcessor(), out);
            }
        }
        return out;
    }

    /** Every Task attempt's answer in the order it was scheduled, per state name. */
    private static Map<String, List<Answer>> answers(List<HistoryEvent> events) {
        Map<Long, HistoryEvent> byId = new HashMap<>();
        events.forEach(e -> byId.put(e.id(), e));
        List<Answer> all = new ArrayList<>();
        for (HistoryEvent e : events) {
            String outcome = outcome(e.type());
            if (outcome == null) {
                continue;
            }
            HistoryEvent scheduled = back(e, byId, SCHEDULED);
            if (scheduled == null) {
                continue;
            }
            String state = stateOf(scheduled, byId, events);
            if (state == null) {
                continue;
            }
            Duration latency = Duration.between(scheduled.timestamp(), e.timestamp());
            JsonNode d = e.details();
            switch (outcome) {
                case "Succeeded":
                    all.add(new Answer(scheduled.id(), state, AwsHistoryFacts.fromHistory(d == null ? null : d.get("output")),
                            null, null, false, latency));
                    break;
                case "TimedOut":
                    all.add(new Answer(scheduled.id(), state, null, null, null, true, latency));
                    break;
                default:
                    all.add(new Answer(scheduled.id(), state, null, text(d, "error", "States.TaskFailed"),
                            text(d, "cause", null), false, latency));
            }
        }
        all.sort((a, b) -> Long.compare(a.scheduledId(), b.scheduledId()));
        Map<String, List<Answer>> byState = new LinkedHashMap<>();
        all.forEach(a -> byState.computeIfAbsent(a.state(), k -> new ArrayList<>()).add(a));
        return byState;
    }

    /** {@code Succeeded}, {@code Failed} (also start, schedule and submit failures) or {@code TimedOut}; else null. */
    private static String outcome(String type) {
        for (String prefix : TASK_PREFIXES) {
            if (type.startsWith(prefix) && !type.startsWith(prefix + "State")) {
                String rest = type.substring(prefix.length());
                if (rest.equals("Succeeded") || rest.equals("TimedOut")) {
                    return rest;
                }
                if (rest.endsWith("Failed")) {
                    return "Failed";
                }
            }
        }
        return null;
    }

    private static HistoryEvent back(HistoryEvent from, Map<Long, HistoryEvent> byId, Set<String> types) {
        HistoryEvent e = from;
        for (int steps = 0; e != null && steps < 10_000; steps++) {
            if (types.contains(e.type())) {
                return e;
            }
            e = byId.get(e.previousEventId());
        }
        return null;
    }

    /** The Task state a scheduling belongs to: up its chain of previous events, else the last one entered before it. */
    private static String stateOf(HistoryEvent scheduled, Map<Long, HistoryEvent> byId, List<HistoryEvent> events) {
        HistoryEvent entered = back(scheduled, byId, Set.of("TaskStateEntered"));
        if (entered != null) {
            return entered.stateName();
        }
        String last = null;
        for (HistoryEvent e : events) {
            if (e.id() >= scheduled.id()) {
                break;
            }
            if (e.type().equals("TaskStateEntered")) {
                last = e.stateName();
            }
        }
        return last;
    }

    private static String text(JsonNode details, String field, String otherwise) {
        return details != null && details.hasNonNull(field) ? details.get(field).asText() : otherwise;
    }

    /** The recorded and replayed executions side by side, or {@code null} when path and result agree. */
    static String compare(Execution recorded, Execution replayed) {
        List<String[]> rows = new ArrayList<>();
        boolean differs = false;
        List<String> left = recorded.path();
        List<String> right = replayed.path();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : "";
            String r = i < right.size() ? right.get(i) : "";
            differs |= row(rows, l, r);
        }
        differs |= row(rows, "status " + recorded.status(), "status " + replayed.status());
        String recordedResult = result(recorded);
        String replayedResult = result(replayed);
        boolean resultDiffers = !recordedResult.equals(replayedResult);
        differs |= resultDiffers;
        rows.add(new String[] {resultDiffers ? "≠" : " ", abbreviate(recordedResult), abbreviate(replayedResult)});
        if (!differs) {
            return null;
        }
        // durations are shown, not compared: AWS adds its own time to every transition
        rows.add(new String[] {" ", "took " + Durations.format(recorded.duration()),
                "took " + Durations.format(replayed.duration())});
        int width = "recorded (AWS)".length();
        for (String[] row : rows) {
            width = Math.max(width, row[1].length());
        }
        StringBuilder out = new StringBuilder(String.format("  %-" + width + "s | %s%n", "recorded (AWS)", "replayed (ASLUnit)"));
        for (String[] row : rows) {
            out.append(String.format("%s %-" + width + "s | %s%n", row[0], row[1], row[2]));
        }
        return out.append("(≠ marks a difference)").toString();
    }

    private static boolean row(List<String[]> rows, String left, String right) {
        boolean differs = !Objects.equals(left, right);
        rows.add(new String[] {differs ? "≠" : " ", left, right});
        return differs;
    }

    /** The output of a succeeded execution, else its error and cause. */
    private static String result(Execution e) {
        if (e.status() == Execution.Status.SUCCEEDED) {
            return "output " + (e.output() == null ? "null" : Json.write(e.output()));
        }
        return "error " + e.error() + (e.cause() == null ? "" : ": " + e.cause());
    }

    /** Long outputs are cut in the table (the comparison is of the whole value). */
    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }
}
