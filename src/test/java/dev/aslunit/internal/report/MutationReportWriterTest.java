package dev.aslunit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.Json;
import dev.aslunit.mutation.DefinitionMutations;
import dev.aslunit.mutation.Mutant;
import dev.aslunit.mutation.MutantResult;
import dev.aslunit.mutation.MutationOperator;
import dev.aslunit.mutation.MutationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutationReportWriterTest {

    static final String DIFF = "--- orders.asl.json\n+++ orders.asl.json (choice-constant@/States/Big/Choices/0/NumericGreaterThan=1001)\n"
            + "@@ -1,1 +1,1 @@\n-        \"NumericGreaterThan\" : 1000,\n+        \"NumericGreaterThan\" : 1001,\n";

    static MutationReport report() {
        Mutant survivor = new Mutant("choice-constant@/States/Big/Choices/0/NumericGreaterThan=1001",
                MutationOperator.CHOICE_CONSTANT, "/States/Big/Choices/0/NumericGreaterThan",
                "NumericGreaterThan 1000 becomes 1001", "{}", DIFF, null);
        Mutant killed = new Mutant("retry-remove@/States/Charge/Retry/0", MutationOperator.RETRY_REMOVE,
                "/States/Charge/Retry/0", "Retry rule 1 removed", "{}", "", null);
        Mutant equivalent = new Mutant("retry-remove@/States/Charge/Retry/1", MutationOperator.RETRY_REMOVE,
                "/States/Charge/Retry/1", "Retry rule 2 removed", "{}", "", "shadowed rule: ...");
        return new MutationReport(List.of(new DefinitionMutations("orders.asl.json", List.of("com.acme.OrdersTest"),
                List.of(new MutantResult(survivor, MutantResult.Status.SURVIVED, null, null, 1_000_000),
                        new MutantResult(killed, MutantResult.Status.KILLED, "com.acme.OrdersTest#throttled", "Expecting...", 1_000_000),
                        new MutantResult(equivalent, MutantResult.Status.EQUIVALENT, null, null, 0)),
                List.of("choice-default-remove@/States/Big/Default: State \"Done\" is not reachable"))), 2_000_000_000L, 2);
    }

    @Test
    void the_three_files_give_the_score_and_each_survivor_with_its_diff_and_the_test_to_write(@TempDir Path dir)
            throws Exception {
        MutationReportWriter.write(report(), dir);

        JsonNode json = Json.parse(Files.readString(dir.resolve("mutation.json")));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("mutantsPerSecond").asDouble()).isEqualTo(1.0);
        JsonNode d = json.get("definitions").get(0);
        assertThat(d.get("score").asDouble()).isEqualTo(0.5);
        assertThat(d.get("counts").toString()).isEqualTo("{\"mutants\":3,\"invalid\":1,\"killed\":1,\"timed_out\":0,"
                + "\"survived\":1,\"equivalent\":1,\"not_run\":0}");
        assertThat(d.get("mutants").get(0).get("diff").asText()).isEqualTo(DIFF);
        assertThat(d.get("mutants").get(0).get("suggestion").asText()).startsWith("Run inputs at the constant");
        assertThat(d.get("mutants").get(1).get("killedBy").asText()).isEqualTo("com.acme.OrdersTest#throttled");
        assertThat(d.get("mutants").get(2).get("equivalence").asText()).startsWith("shadowed rule");

        assertThat(Files.readString(dir.resolve("mutation.md")))
                .contains("| orders.asl.json | 50.0% | 1 | 0 | 1 | 1 | 0 | 1 |")
                .contains("### `choice-constant@/States/Big/Choices/0/NumericGreaterThan=1001`")
                .contains("```diff\n" + DIFF + "```");
        assertThat(Files.readString(dir.resolve("mutation.html")))
                .contains("<span class=\"miss\">SURVIVED</span>")
                .contains("killed by <code>com.acme.OrdersTest#throttled</code>")
                .contains("+        &quot;NumericGreaterThan&quot; : 1001,");
    }
}
