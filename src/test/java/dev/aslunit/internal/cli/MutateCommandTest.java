package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutateCommandTest {

    @Test
    void mutates_the_definition_of_a_test_class_and_writes_the_report(@TempDir Path dir) {
        ReplayCommandTest.Result r = ReplayCommandTest.run("mutate", "com.example.quote.QuoteTest", "--threads", "2",
                "--minimum", "0.9", "--report-dir", dir.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("examples/jsonata-quote/quote.asl.json: mutation score 100.0% (14 killed,"
                + " 0 survived, 0 equivalent, 0 not run, 3 invalid discarded)\n");
        assertThat(dir.resolve("mutation.json")).exists();
        assertThat(dir.resolve("mutation.html")).exists();
        assertThat(dir.resolve("mutation.md")).exists();
    }

    @Test
    void mutates_the_definition_of_a_feature_and_of_a_test_file_below_the_minimum(@TempDir Path dir) {
        ReplayCommandTest.Result r = ReplayCommandTest.run("mutate", "--features",
                "src/test/resources/dev/aslunit/mutation/small-order.feature", "--test-files",
                "src/test/resources/dev/aslunit/mutation/small-order.aslunit.yaml", "--threads", "2", "--minimum", "0.9",
                "--report-dir", dir.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("dev/aslunit/orders.asl.json: mutation score ")
                .contains("src/test/resources/dev/aslunit/orders.asl.json: mutation score ")
                .contains("dev/aslunit/approval.asl.json: mutation score ");
        assertThat(r.err()).contains("choice-constant@/States/NeedsApproval/Choices/0/NumericGreaterThan=1001");
        assertThat(dir.resolve("mutation.json")).content().contains("\"tests\" : [ \"src/test/resources/dev/aslunit/mutation/small-order.feature\" ]");
    }

    @Test
    void mistakes_in_how_it_is_called_are_usage_errors() {
        ReplayCommandTest.Result nothing = ReplayCommandTest.run("mutate", "--minimum", "0.8");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("name what to run against the mutants");

        ReplayCommandTest.Result noFiles = ReplayCommandTest.run("mutate", "--test-files", "no/such/dir");
        assertThat(noFiles.code()).isEqualTo(2);
        assertThat(noFiles.err()).contains("no/such/dir");

        ReplayCommandTest.Result ratio = ReplayCommandTest.run("mutate", "com.example.quote.QuoteTest", "--minimum", "80");
        assertThat(ratio.code()).isEqualTo(2);
        assertThat(ratio.err()).contains("--minimum 80.0 is not a ratio from 0 to 1");

        ReplayCommandTest.Result missing = ReplayCommandTest.run("mutate", "com.acme.NoSuchTest");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("No test class com.acme.NoSuchTest on the classpath");
    }
}
