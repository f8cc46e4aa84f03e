package dev.aslunit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.internal.cli.Main;
import dev.aslunit.internal.definition.DefaultAwsEnvironment;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.engine.ExecutionOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One default account and region for the engine, JUnit, the CLI and the CDK loader, and each settable. */
class DefaultAwsEnvironmentTest {

    private static final Path CDK_TEMPLATE = Path.of("src/test/resources/cdk/single-template/template.yaml");
    private static final String PASS = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", "
            + "\"Parameters\": {\"id.$\": \"$$.Execution.Id\"}, \"End\": true}}}";

    @Test
    void the_engine_the_cdk_loader_and_the_junit_config_start_from_the_same_account() {
        TaskState charge = (TaskState) DefinitionLoader.fromFile(CDK_TEMPLATE).stateMachine("OrdersStack/OrderFlow")
                .allowOpaquePlaceholders().load().requireValid().state("Charge");

        assertThat(ExecutionOptions.DEFAULT_ACCOUNT).isEqualTo(DefaultAwsEnvironment.ACCOUNT_ID);
        assertThat(charge.parameters().get("FunctionName").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:111111111111:function:ChargeCard3ED9622A");
        assertThat(StepFunctionsConfig.newBuilder().definition("x.asl.json").build().accountId())
                .isEqualTo("111111111111");
    }

    @Test
    void the_cdk_loader_resolves_tokens_in_the_account_and_region_it_is_given() {
        TaskState charge = (TaskState) DefinitionLoader.fromFile(CDK_TEMPLATE).stateMachine("OrdersStack/OrderFlow")
                .awsEnvironment("eu-west-1", "222222222222").allowOpaquePlaceholders().load().requireValid()
                .state("Charge");

        assertThat(charge.parameters().get("FunctionName").asText())
                .isEqualTo("arn:aws:lambda:eu-west-1:222222222222:function:ChargeCard3ED9622A");
    }

    @Test
    void a_junit_config_sets_the_account_and_region_of_its_executions(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.asl.json"), PASS);
        StateMachineUnderTest sfn = StateMachineUnderTest.of(StepFunctionsConfig.newBuilder().definition(file)
                .region("eu-west-1").accountId("222222222222").build());

        Execution execution = sfn.run("{}");

        assertThat(execution.executionArn()).startsWith("arn:aws:states:eu-west-1:222222222222:execution:");
    }

    @Test
    void aslunit_run_sets_the_account_and_region_of_its_execution(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("p.asl.json"), PASS);
        StringWriter out = new StringWriter();

        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "run", file.toString(),
                "--aws-region", "eu-west-1", "--aws-account", "222222222222", "--format", "json");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("arn:aws:states:eu-west-1:222222222222:execution:");
    }
}
