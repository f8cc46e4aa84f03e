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
    void mistakes_in_how_it_is_called_are_usage_errors() {
        ReplayCommandTest.Result ratio = ReplayCommandTest.run("mutate", "com.example.quote.QuoteTest", "--minimum", "80");
        assertThat(ratio.code()).isEqualTo(2);
        assertThat(ratio.err()).contains("--minimum 80.0 is not a ratio from 0 to 1");

        ReplayCommandTest.Result missing = ReplayCommandTest.run("mutate", "com.acme.NoSuchTest");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("No test class com.acme.NoSuchTest on the classpath");
    }
}
