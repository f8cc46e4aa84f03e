package dev.aslunit.internal.facts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.HistoryEvent;
import java.util.List;
import java.util.Map;

/**
 * What a {@code dev.aslunit.Execution} needs from whatever runs it: its growing history and facts, and
 * its callbacks; or, for one read from a recorded history, the same without callbacks.
 */
public interface ExecutionDriver {

    String executionArn();

    List<HistoryEvent> history();

    /** What happened so far, as the engine recorded it (a live, growing list). */
    List<Fact> facts();

    /** Pending task tokens: token to the name of the state waiting for it. */
    Map<String, String> pendingTaskTokens();

    void sendTaskSuccess(String token, JsonNode output);

    void sendTaskFailure(String token, String error, String cause);

    void sendTaskHeartbeat(String token);

    /** Runs until the execution ends or only a callback from the test can move it on. */
    void awaitCompletion();

    /** The histories of the Distributed Maps' child executions, per Map state, when the engine keeps them. */
    default Map<String, List<List<HistoryEvent>>> childExecutions() {
        return Map.of();
    }

    /** What the engine recorded of the same child executions, in the same order, when it keeps them. */
    default Map<String, List<List<Fact>>> childFacts() {
        return Map.of();
    }

    /** Whether something runs the execution (else it was read from a recorded history). */
    default boolean isLive() {
        return true;
    }

    /** A history that was recorded before, of an execution of {@code definition}: nothing runs it any more. */
    public static ExecutionDriver recorded(StateMachineDefinition definition, List<HistoryEvent> history,
            Map<String, List<List<HistoryEvent>>> children) {
        List<HistoryEvent> events = List.copyOf(history);
        return ended(events, AwsHistoryFacts.read(definition, events), children);
    }

    /** An execution that has ended (or stopped with its parent), with what the engine recorded of it. */
    public static ExecutionDriver ended(List<HistoryEvent> events, List<Fact> facts,
            Map<String, List<List<HistoryEvent>>> children) {
        return new ExecutionDriver() {
            @Override
            public Map<String, List<List<HistoryEvent>>> childExecutions() {
                return children;
            }

            @Override
            public String executionArn() {
                return null;
            }

            @Override
            public List<Fact> facts() {
                return facts;
            }

            @Override
            public List<HistoryEvent> history() {
                return events;
            }

            @Override
            public Map<String, String> pendingTaskTokens() {
                return Map.of();
            }

            @Override
            public void sendTaskSuccess(String token, JsonNode output) {
                throw notLive();
            }

            @Override
            public void sendTaskFailure(String token, String error, String cause) {
                throw notLive();
            }

            @Override
            public void sendTaskHeartbeat(String token) {
                throw notLive();
            }

            @Override
            public void awaitCompletion() {
            }

            @Override
            public boolean isLive() {
                return false;
            }

            private IllegalStateException notLive() {
                return new IllegalStateException("This execution was built from a recorded history;"
                        + " nothing runs it, so it takes no callbacks");
            }
        };
    }
}
