package dev.aslunit;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.pipeline.Compilation;
import dev.aslunit.internal.pipeline.DefinitionPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ${Name}} written where AWS expects a number or a Boolean, as SAM's
 * {@code DefinitionSubstitutions} allow ({@code "TimeoutSeconds": ${totalExecutionTimeout}} in
 * aws-lambda-power-tuning): left opaque, the definition is valid and compiles, as it is on AWS
 * once substituted; only a run that needs the value stops, naming the placeholder.
 */
class OpaqueTypedPlaceholdersTest {

    private static final String DEFINITION = """
            {"StartAt": "Work", "States": {
              "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": ${Timeout},
                       "HeartbeatSeconds": ${Heartbeat}, "ResultPath": null, "Next": "Pause",
                       "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}]},
              "Pause": {"Type": "Wait", "Seconds": ${Delay}, "Next": "Later"},
              "Later": {"Type": "Wait", "Timestamp": ${At}, "Next": "Check"},
              "Check": {"Type": "Choice", "Choices": [
                  {"Variable": "$.count", "NumericGreaterThan": ${Limit}, "Next": "Caught"},
                  {"Not": {"Variable": "$.done", "BooleanEquals": ${Done}}, "Next": "Caught"}],
                "Default": "Done"},
              "Caught": {"Type": "Fail", "Error": "Caught"},
              "Done": {"Type": "Succeed"}}}""";

    @TempDir
    Path dir;

    @Test
    void opaque_numbers_timestamps_and_booleans_validate_and_compile() {
        Compilation compiled = DefinitionPipeline.compile(DefinitionLoader.fromString(DEFINITION).named("typed.asl.json")
                .allowOpaquePlaceholders(), "typed");

        assertThat(compiled.diagnostics()).isEmpty();
        assertThat(compiled.machine()).isNotNull();
    }

    @Test
    void a_run_that_needs_an_opaque_value_fails_naming_it_and_no_catcher_takes_it() throws Exception {
        StateMachineUnderTest sfn = machine(StepFunctionsConfig.newBuilder());
        sfn.mock("Work").returns("{}");

        assertThat(sfn.run("{}")).failedWith("States.Runtime").withCause("An error occurred while executing the state"
                + " 'Work' (entered at the event id #2). The TimeoutSeconds field is the placeholder ${Timeout}, which"
                + " has no value; give it one to run this state (CLI: --substitution Timeout=VALUE)")
                .neverEntered("Caught");
    }

    @Test
    void each_value_is_needed_only_where_the_run_reads_it() throws Exception {
        StateMachineUnderTest sfn = machine(StepFunctionsConfig.newBuilder().substitution("Timeout", "60")
                .substitution("Heartbeat", "10").substitution("Delay", "5"));
        sfn.mock("Work").returns("{}");

        assertThat(sfn.run("{}")).failedWith("States.Runtime").withCause("An error occurred while executing the state"
                + " 'Later' (entered at the event id #9). The Timestamp field is the placeholder ${At}, which has no"
                + " value; give it one to run this state (CLI: --substitution At=VALUE)")
                .tookVirtualTime(Duration.ofSeconds(5));
    }

    @Test
    void an_opaque_choice_operand_stops_the_run_at_the_choice() throws Exception {
        StateMachineUnderTest sfn = machine(StepFunctionsConfig.newBuilder().substitution("Timeout", "60")
                .substitution("Heartbeat", "10").substitution("Delay", "5").substitution("At", "\"2026-01-01T00:01:00Z\""));
        sfn.mock("Work").returns("{}");

        assertThat(sfn.run("{\"count\": 3, \"done\": true}")).failedWith("States.Runtime")
                .withCause("An error occurred while executing the state 'Check' (entered at the event id #11). The"
                        + " Choices field is the placeholder ${Limit}, which has no value; give it one to run this"
                        + " state (CLI: --substitution Limit=VALUE)");
    }

    @Test
    void with_every_value_given_the_run_uses_them() throws Exception {
        StateMachineUnderTest sfn = machine(StepFunctionsConfig.newBuilder().substitution("Timeout", "60")
                .substitution("Heartbeat", "10").substitution("Delay", "5").substitution("At", "\"2026-01-01T00:01:00Z\"")
                .substitution("Limit", "2").substitution("Done", "true"));
        sfn.mock("Work").returns("{}");

        assertThat(sfn.run("{\"count\": 1, \"done\": true}")).succeeded().tookPath("Work", "Pause", "Later", "Check", "Done")
                .tookVirtualTime(Duration.ofSeconds(60));
    }

    private StateMachineUnderTest machine(StepFunctionsConfig.Builder config) throws Exception {
        Path file = Files.writeString(dir.resolve("typed.asl.json"), DEFINITION);
        return PreparedStateMachine.prepare(config.definition(file).allowPlaceholders(true).build(), null).newTest();
    }
}
