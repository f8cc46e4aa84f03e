package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    static final String DEFINITION = "examples/order-processing/order-processing.asl.json";
    static final String HISTORY = "examples/order-processing/histories/order-o-17.json";

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void a_history_that_replays_the_same_exits_0() {
        Result r = run("replay", HISTORY, "--definition", DEFINITION);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Replayed " + HISTORY + " on " + DEFINITION + ": the same path (ValidateOrder →"
                + " NeedsApproval → ChargePayment → ShipOrder → Done) to the same result (SUCCEEDED) as recorded.\n");
    }

    @Test
    void a_changed_definition_exits_1_with_both_executions_side_by_side(@TempDir Path dir) throws Exception {
        Path changed = dir.resolve("orders.asl.json");
        Files.writeString(changed, Files.readString(Path.of(DEFINITION)).replace("\"MaxAttempts\": 3", "\"MaxAttempts\": 1"));

        Result r = run("replay", HISTORY, "--definition", changed.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith("The replay differs from the recorded execution:\n")
                .contains("≠ ShipOrder").contains("| NotifyCustomer")
                .contains("≠ status SUCCEEDED").contains("| status FAILED");
    }

    @Test
    void java_test_prints_a_junit_test_that_keeps_the_replay() {
        Result r = run("replay", HISTORY, "--definition", DEFINITION, "--java-test", "com.acme.OrderO17ReplayTest");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("package com.acme;\n")
                .contains("@StepFunctionTest(definition = \"" + DEFINITION + "\")\nclass OrderO17ReplayTest {")
                .contains("    void replays_order_o_17(StateMachineUnderTest sfn) {\n"
                        + "        sfn.replay(Path.of(\"" + HISTORY + "\"));");
    }

    @Test
    void a_missing_history_is_a_usage_error() {
        Result r = run("replay", "nowhere.json", "--definition", DEFINITION);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no history file").contains("get-execution-history");
    }
}
