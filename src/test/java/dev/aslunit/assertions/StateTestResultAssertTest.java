package dev.aslunit.assertions;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.server.StateTestResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateTestResultAssertTest {

    static final StateTestResult CAUGHT = new StateTestResult("CAUGHT_ERROR", "{\"a\":1}", "Card.Declined", "no funds",
            "Refuse", Map.of("errorDetails", "{\"catchIndex\":1}", "input", "{\"a\":1}"));

    @Test
    void passes_on_what_testState_answered() {
        assertThat(CAUGHT).caughtError().hasError("Card.Declined", "no funds").goesTo("Refuse").hasOutput("{\"a\": 1.0}")
                .hasInspectionData("errorDetails", "{\"catchIndex\":1}");
    }

    @Test
    void a_wrong_status_shows_the_whole_answer() {
        assertThatThrownBy(() -> assertThat(CAUGHT).succeeded())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the state to end SUCCEEDED but it ended CAUGHT_ERROR")
                .hasMessageContaining("error Card.Declined, cause no funds, nextState Refuse");
    }

    @Test
    void a_different_output_lists_the_differences() {
        assertThatThrownBy(() -> assertThat(CAUGHT).hasOutput("{\"a\":2}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.a");
        assertThatThrownBy(() -> assertThat(new StateTestResult("FAILED", null, "E", "C", null, Map.of())).hasOutput("{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no output");
    }

    @Test
    void wrong_error_next_state_or_inspection_data_fail() {
        assertThatThrownBy(() -> assertThat(CAUGHT).hasError("Other")).hasMessageContaining("Expected the error Other");
        assertThatThrownBy(() -> assertThat(CAUGHT).hasError("Card.Declined", "other"))
                .hasMessageContaining("Expected the cause other");
        assertThatThrownBy(() -> assertThat(CAUGHT).goesTo("Ship")).hasMessageContaining("it goes to Refuse");
        assertThatThrownBy(() -> assertThat(CAUGHT).hasInspectionData("afterParameters", "{}"))
                .hasMessageContaining("inspectionData.afterParameters to be {} but it is absent");
    }
}
