package dev.aslunit.internal.report;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.Execution;
import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionPictureTest {

    static final PreparedStateMachine FAN_OUT = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
            .definition("/dev/aslunit/internal/report/fan-out.asl.json").build(), ExecutionPictureTest.class);

    /** Two items checked, the quote busy once and then 250: FanOut, Big, Review, Big2, Done. */
    static Execution bigQuote() {
        StateMachineUnderTest sfn = FAN_OUT.newTest();
        sfn.mock("CheckItem").returns("{\"ok\": true}");
        sfn.mock("Quote").fails("Quote.Busy", "try later").times(1).thenReturns("{\"price\": 250}");
        return sfn.run("{\"items\": [1, 2]}");
    }

    @Test
    void the_svg_draws_maps_and_parallels_as_containers_and_highlights_the_path() {
        String svg = ExecutionPicture.svg(bigQuote());

        assertThat(svg).startsWith("<svg class=\"wf\"").endsWith("</svg>").contains("<style>");
        assertThat(Pattern.compile("<g class=\"st ok box\" data-state=\"FanOut\" data-type=\"Parallel\">.*"
                + "<g class=\"st ok box\" data-state=\"CheckItems\" data-type=\"Map\">.*"
                + "<g class=\"st ok\" data-state=\"CheckItem\".*</g></g>.*"
                + "<g class=\"st ok\" data-state=\"Quote\".*</g></g>", Pattern.DOTALL).matcher(svg).find())
                .as("CheckItem inside CheckItems inside FanOut, Quote in FanOut's second branch").isTrue();
        assertThat(svg).contains("data-state=\"Failed\" data-type=\"Fail\"")
                .containsPattern("<g class=\"st unvisited\" data-state=\"Failed\"")
                .contains("2 attempts, retried Quote.Busy", "2 iterations", "at +1m 1s")
                .containsPattern("<path class=\"ed taken\" data-from=\"Big\" data-to=\"Review\"")
                .containsPattern("<path class=\"ed unused\" data-from=\"Big\" data-to=\"Done\"");
    }

    @Test
    void mermaid_nests_the_branches_and_marks_the_states_not_entered() {
        String mermaid = ExecutionPicture.mermaid(bigQuote());

        assertThat(mermaid).startsWith("stateDiagram-v2\n")
                .contains("state s0 {\n", "        --\n", "s4 --> s5 : rule 1")
                .contains("classDef unvisited").containsPattern("class [s0-9,]+ unvisited");
        assertThat(mermaid.indexOf("as s2")).as("CheckItem is declared inside CheckItems").isGreaterThan(mermaid.indexOf("state s1 {"));
    }

    @Test
    void a_failing_assertion_names_the_file_with_the_execution_s_picture() throws Exception {
        Execution execution = bigQuote();

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> assertThat(execution).failed());

        Matcher file = Pattern.compile("Picture of the execution: (\\S+\\.html)").matcher(failure.getMessage());
        assertThat(file.find()).as(failure.getMessage()).isTrue();
        String page = Files.readString(Path.of(file.group(1)));
        assertThat(page).contains("<svg class=\"wf\"", "<table class=\"visits\">", "SUCCEEDED");
        assertThat(Path.of(file.group(1).replace(".html", ".mmd"))).exists();
    }

    @Test
    void pages_go_under_executions_by_definition_and_execution_name(@TempDir Path dir) {
        StateMachineUnderTest sfn = FAN_OUT.newTest();
        sfn.mock("CheckItem").returns("{}");
        sfn.mock("Quote").fails("Quote.Busy", "try later");
        Execution e = sfn.run("order 7/8", "{\"items\": []}");

        Path page = ExecutionPicture.write(e, dir);

        assertThat(page).isEqualTo(dir.resolve("executions/fan-out.asl.json/order-7-8.html"));
        assertThatThrownBy(() -> assertThat(e).succeeded()).hasMessageContaining("Picture of the execution: ");
        assertThat(ExecutionPicture.html(e)).contains("caught Quote.Busy", "FAILED", "FanOutFailed");
    }
}
