package dev.aslunit.internal.history;

import dev.aslunit.HistoryEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryRecorderTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void numbers_events_from_one_and_names_details_as_aws() {
        HistoryRecorder h = new HistoryRecorder();
        ObjectNode d = JsonNodeFactory.instance.objectNode().put("name", "Pay");
        assertThat(h.append(0, T0, "ExecutionStarted", JsonNodeFactory.instance.objectNode())).isEqualTo(1);
        assertThat(h.append(0, T0, "TaskStateEntered", d)).isEqualTo(2);
        assertThat(h.append(2, T0, "MapStateSucceeded", null)).isEqualTo(3);
        assertThat(h.events()).extracting(HistoryEvent::detailsField)
                .containsExactly("executionStartedEventDetails", "stateEnteredEventDetails", null);
        assertThat(h.events().get(1).stateName()).isEqualTo("Pay");
        assertThat(HistoryRecorder.detailsField("PassStateExited")).isEqualTo("stateExitedEventDetails");
        assertThat(HistoryRecorder.detailsField("LambdaFunctionScheduled"))
                .isEqualTo("lambdaFunctionScheduledEventDetails");
        assertThat(HistoryRecorder.detailsField("MapRunStarted")).isEqualTo("mapRunStartedEventDetails");
    }

    @Test
    void writes_the_get_execution_history_shape() {
        HistoryRecorder h = new HistoryRecorder();
        h.append(0, T0, "ExecutionSucceeded", JsonNodeFactory.instance.objectNode().put("output", "{}"));
        assertThat(HistoryJson.toJson(h.events()).get(0).toString()).isEqualTo(
                "{\"timestamp\":\"2025-01-01T00:00:00Z\",\"type\":\"ExecutionSucceeded\",\"id\":1,"
                        + "\"previousEventId\":0,\"executionSucceededEventDetails\":{\"output\":\"{}\"}}");
    }
}
