package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class MachineOperationsTest {

    static final String PASS = """
            {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";
    static final String ROLE = "arn:aws:iam::111111111111:role/test";

    @RegisterExtension
    static final LocalServer local = new LocalServer();

    @Test
    void creates_describes_updates_and_deletes_a_state_machine() {
        CreateStateMachineResponse created = local.sfn().createStateMachine(b -> b.name("crud").definition(PASS).roleArn(ROLE));
        assertThat(created.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:111111111111:stateMachine:crud");
        assertThat(created.creationDate()).isNotNull();

        DescribeStateMachineResponse described = local.sfn().describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));
        assertThat(described.name()).isEqualTo("crud");
        assertThat(described.definition()).isEqualTo(PASS);
        assertThat(described.roleArn()).isEqualTo(ROLE);
        assertThat(described.typeAsString()).isEqualTo("STANDARD");
        assertThat(described.statusAsString()).isEqualTo("ACTIVE");
        assertThat(described.creationDate()).isEqualTo(created.creationDate());
        assertThat(described.loggingConfiguration().levelAsString()).isEqualTo("OFF");

        String other = PASS.replace("\"P\"", "\"Q\"");
        var updated = local.sfn().updateStateMachine(b -> b.stateMachineArn(created.stateMachineArn()).definition(other));
        assertThat(updated.revisionId()).isNotBlank();
        assertThat(local.sfn().describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn())).definition()).isEqualTo(other);

        local.sfn().deleteStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));
        assertThatThrownBy(() -> local.sfn().describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn())))
                .isInstanceOf(StateMachineDoesNotExistException.class)
                .hasMessageStartingWith("State Machine Does Not Exist: '" + created.stateMachineArn() + "'")
                .satisfies(e -> assertThat(((StateMachineDoesNotExistException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void create_is_idempotent_for_the_same_definition_and_refuses_a_different_one() {
        var first = local.sfn().createStateMachine(b -> b.name("idem").definition(PASS).roleArn(ROLE));
        var again = local.sfn().createStateMachine(b -> b.name("idem").definition(PASS).roleArn(ROLE));
        assertThat(again.creationDate()).isEqualTo(first.creationDate());
        assertThatThrownBy(() -> local.sfn().createStateMachine(b -> b.name("idem").definition(PASS.replace("\"P\"", "\"X\""))
                .roleArn(ROLE))).isInstanceOf(StateMachineAlreadyExistsException.class);
    }

    @Test
    void refuses_bad_definitions_names_arns_and_missing_members() {
        assertThatThrownBy(() -> local.sfn().createStateMachine(b -> b.name("bad").definition("{\"StartAt\":").roleArn(ROLE)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION");
        assertThatThrownBy(() -> local.sfn().createStateMachine(b -> b.name("has space").definition(PASS).roleArn(ROLE)))
                .isInstanceOf(InvalidNameException.class).hasMessageStartingWith("Invalid Name: 'has space'");
        assertThatThrownBy(() -> local.sfn().createStateMachine(b -> b.name("noRole").definition(PASS)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value null at 'roleArn' failed to satisfy "
                        + "constraint: Member must not be null");
        assertThatThrownBy(() -> local.sfn().describeStateMachine(b -> b.stateMachineArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class).hasMessageStartingWith("Invalid Arn: 'not-an-arn'");
        assertThatThrownBy(() -> local.sfn().describeStateMachine(b -> b.stateMachineArn(
                "arn:aws:states:us-east-1:111111111111:activity:x")))
                .isInstanceOf(InvalidArnException.class).hasMessageContaining("Resource type not valid in this context");
        String arn = local.sfn().createStateMachine(b -> b.name("upd").definition(PASS).roleArn(ROLE)).stateMachineArn();
        assertThatThrownBy(() -> local.sfn().updateStateMachine(b -> b.stateMachineArn(arn)))
                .isInstanceOf(MissingRequiredParameterException.class);
        assertThatThrownBy(() -> local.sfn().createStateMachine(b -> b.name("huge").roleArn(ROLE)
                .definition("{\"Comment\":\"" + "x".repeat(Request.MAX_DEFINITION) + "\"}")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at 'definition' failed to satisfy constraint: Member must have length less "
                        + "than or equal to 1048576");
    }

    @Test
    void lists_state_machines_page_by_page() {
        try (StepFunctionsServer own = StepFunctionsServer.builder().port(0).start();
                SfnClient client = Sdk.client(own.endpoint())) {
            for (int i = 0; i < 7; i++) {
                String name = "m" + i;
                client.createStateMachine(b -> b.name(name).definition(PASS).roleArn(ROLE));
            }
            List<String> names = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                String t = token;
                ListStateMachinesResponse page = client.listStateMachines(b -> b.maxResults(3).nextToken(t));
                page.stateMachines().forEach(m -> names.add(m.name()));
                token = page.nextToken();
                pages++;
            } while (token != null);
            assertThat(pages).isEqualTo(3);
            assertThat(names).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
            assertThat(client.listStateMachinesPaginator(b -> b.maxResults(2)).stateMachines().stream()
                    .map(StateMachineListItem::name)).hasSize(7);
            assertThatThrownBy(() -> client.listStateMachines(b -> b.nextToken("forged")))
                    .isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void tags_state_machines_and_activities() {
        String arn = local.sfn().createStateMachine(b -> b.name("tagged").definition(PASS).roleArn(ROLE)
                .tags(Tag.builder().key("team").value("a").build())).stateMachineArn();
        local.sfn().tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("test").build()));
        assertThat(local.sfn().listTagsForResource(b -> b.resourceArn(arn)).tags()).extracting(Tag::key, Tag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("team", "a"),
                        org.assertj.core.groups.Tuple.tuple("env", "test"));
        local.sfn().untagResource(b -> b.resourceArn(arn).tagKeys("team"));
        assertThat(local.sfn().listTagsForResource(b -> b.resourceArn(arn)).tags()).extracting(Tag::key).containsExactly("env");
        assertThatThrownBy(() -> local.sfn().listTagsForResource(b -> b.resourceArn(arn + "-gone")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).resourceName()).isEqualTo(arn + "-gone"));
    }

    @Test
    void creates_lists_describes_and_deletes_activities() {
        String arn = local.sfn().createActivity(b -> b.name("worker")).activityArn();
        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:111111111111:activity:worker");
        assertThat(local.sfn().describeActivity(b -> b.activityArn(arn)).name()).isEqualTo("worker");
        assertThat(local.sfn().listActivities(b -> b.maxResults(1000)).activities()).anySatisfy(a ->
                assertThat(a.activityArn()).isEqualTo(arn));
        local.sfn().deleteActivity(b -> b.activityArn(arn));
        assertThatThrownBy(() -> local.sfn().describeActivity(b -> b.activityArn(arn)))
                .isInstanceOf(ActivityDoesNotExistException.class);
    }

    @Test
    void validates_definitions() {
        var ok = local.sfn().validateStateMachineDefinition(b -> b.definition(PASS));
        assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
        assertThat(ok.diagnostics()).isEmpty();
        var fail = local.sfn().validateStateMachineDefinition(b -> b.definition("{"));
        assertThat(fail.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(fail.diagnostics()).first().satisfies(d -> {
            assertThat(d.code()).isEqualTo("INVALID_JSON_DESCRIPTION");
            assertThat(d.severityAsString()).isEqualTo("ERROR");
        });
    }

    @Test
    void a_workflow_with_no_terminal_state_is_located_nowhere_as_aws_does() {
        String loop = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},"
                + "\"B\":{\"Type\":\"Pass\",\"Next\":\"A\"}}}";
        var fail = local.sfn().validateStateMachineDefinition(b -> b.definition(loop));
        assertThat(fail.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("MISSING_END_STATE");
            assertThat(d.location()).isNull();
        });
        assertThatThrownBy(() -> local.sfn().createStateMachine(b -> b.name("loop").definition(loop).roleArn(ROLE)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("'MISSING_END_STATE: Workflow has no terminal state")
                .hasMessageContaining(" at null'");
    }
}
