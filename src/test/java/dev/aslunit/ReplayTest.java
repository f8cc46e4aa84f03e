package dev.aslunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.history.HistoryJson;
import dev.aslunit.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    static final String ORDERS = "/dev/aslunit/orders.asl.json";
    static final Instant RECORDED_START = Instant.parse("2026-02-10T14:30:00Z");

    static StateMachineUnderTest sandbox(String definition) {
        return StateMachineUnderTest.of(StepFunctionsConfig.newBuilder().definition(definition).build());
    }

    /** A history as GetExecutionHistory returns it: a payment throttled twice, then everything works. */
    static String recordedHistory() {
        StateMachineUnderTest aws = StateMachineUnderTest.of(StepFunctionsConfig.newBuilder().definition(ORDERS)
                .startTime(RECORDED_START).build());
        aws.mock("ValidateOrder").returns("{\"valid\": true}").after(Duration.ofMillis(120));
        aws.mock("ChargePayment").fails("Lambda.TooManyRequestsException", "Rate exceeded").times(2)
                .thenReturns("{\"paymentId\": \"pay-1\"}").after(Duration.ofMillis(300));
        aws.mock("ShipOrder").returns("{\"trackingId\": \"TRK-9\"}").after(Duration.ofMillis(450));
        Execution run = aws.run("{\"orderId\": \"o-17\", \"total\": 250}");
        ObjectNode history = Json.nodes().objectNode();
        history.set("events", HistoryJson.toJson(run.history()));
        return Json.write(history);
    }

    @Test
    void a_replay_answers_every_task_as_recorded_and_takes_the_same_path_at_the_same_times() {
        Execution replayed = sandbox(ORDERS).replay(recordedHistory());

        assertThat(replayed.status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(replayed.path()).containsExactly("ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done");
        assertThat(replayed.startTime()).isEqualTo(RECORDED_START);
        // 120 ms + retries after 2 s and 4 s + 300 ms + 450 ms: the recorded latencies and backoff
        assertThat(replayed.duration()).isEqualTo(Duration.ofMillis(6870));
        assertThat(replayed.output().at("/payment/paymentId").asText()).isEqualTo("pay-1");
    }

    @Test
    void a_definition_changed_since_the_recording_is_a_finding_shown_side_by_side(@TempDir Path dir) throws Exception {
        String definition = new String(ReplayTest.class.getResourceAsStream(ORDERS).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Path changed = dir.resolve("orders.asl.json");
        Files.writeString(changed, definition.replace("\"MaxAttempts\": 3", "\"MaxAttempts\": 1"));

        assertThatThrownBy(() -> sandbox(changed.toString()).replay(recordedHistory()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The replay differs from the recorded execution:")
                .hasMessageContaining("  recorded (AWS)")
                .hasMessageContaining("| replayed (ASLUnit)")
                .hasMessageMatching("(?s).*\n≠ ShipOrder +\\| NotifyCustomer\n.*")
                .hasMessageMatching("(?s).*\n≠ status SUCCEEDED +\\| status FAILED\n.*");
    }

    @Test
    void a_history_that_is_not_a_whole_finished_execution_is_refused() {
        assertThatThrownBy(() -> sandbox(ORDERS).replay("{\"events\": []}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not begin with ExecutionStarted");
        assertThatThrownBy(() -> sandbox(ORDERS).replay("{\"executions\": []}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not an execution history");
    }
}
