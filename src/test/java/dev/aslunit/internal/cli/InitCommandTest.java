package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void the_starter_file_mocks_every_task_has_a_case_per_choice_path_and_passes() throws Exception {
        Path file = dir.resolve("orders.aslunit.yaml");

        int code = run("init", "examples/order-processing/order-processing.asl.json", "--output", file.toString());

        assertThat(code).as(err.toString()).isZero();
        String text = Files.readString(file);
        assertThat(text)
                .contains("  ValidateOrder:\n    returns:\n      valid: valid\n")
                .contains("  AwaitApproval:\n    sendsSuccess: {}\n")
                .contains("  ShipOrder:\n    httpResponse:\n      status: 200\n      body:\n        trackingId: trackingId\n")
                .contains("  NotifyCustomer:\n    returns: {}\n")
                .contains("- name: ValidateOrder → NeedsApproval → AwaitApproval → ChargePayment → ShipOrder\n    → Done\n")
                .contains("- name: ValidateOrder → NeedsApproval → ChargePayment → ShipOrder → Done\n")
                .contains("    total: 1001\n").contains("    total: 1000\n");

        out.getBuffer().setLength(0);
        assertThat(run("test", "--report-dir", dir.resolve("cov").toString(), file.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("2 passed, 0 failed, 0 errors (1 file)");
    }

    @Test
    void an_existing_file_is_kept_unless_forced() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.aslunit.yaml"), "mine");

        assertThat(run("init", "examples/jsonata-quote/quote.asl.json", "-o", file.toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("exists already; give another --output, or --force to replace it");
        assertThat(Files.readString(file)).isEqualTo("mine");

        assertThat(run("init", "examples/jsonata-quote/quote.asl.json", "-o", file.toString(), "--force")).isZero();
        assertThat(Files.readString(file)).contains("definition: ").contains("LoadCustomer:");
    }

    @Test
    void a_template_gives_its_state_machine_by_logical_id() throws Exception {
        Path file = dir.resolve("quote.aslunit.yaml");

        int code = run("init", "examples/shipping-quote/template.yaml", "--state-machine", "ShippingQuoteStateMachine",
                "--substitution", "MaxWeightKg=30", "-o", file.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(file)).contains("  template: ").contains("  logicalId: ShippingQuoteStateMachine\n")
                .contains("    MaxWeightKg: 30\n").contains("  Quote:\n    returns: {}\n");
        assertThat(run("test", "--report-dir", dir.resolve("cov").toString(), file.toString())).as(out.toString()).isZero();
    }
}
