package dev.aslunit.internal.definition.load.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every intrinsic function CloudFormation resolves, as the definition of IntrinsicsStack/Flow shows it. */
class CdkIntrinsicsTest {

    private static final Path TEMPLATE = Path.of("src/test/resources/cdk/intrinsics/IntrinsicsStack.template.json");

    private static JsonNode result(CdkApp app) {
        return app.stateMachine("IntrinsicsStack/Flow").definition().at("/States/Show/Result");
    }

    private final JsonNode r = result(CdkApp.open(TEMPLATE));

    @Test
    void pseudo_parameters_take_the_default_region_and_account() {
        assertThat(r.get("region").asText()).isEqualTo("us-east-1");
        assertThat(r.get("account").asText()).isEqualTo("123456789012");
        assertThat(r.get("partition").asText()).isEqualTo("aws");
        assertThat(r.get("urlSuffix").asText()).isEqualTo("amazonaws.com");
        assertThat(r.get("stackName").asText()).isEqualTo("IntrinsicsStack");
    }

    @Test
    void region_and_account_can_be_chosen_and_the_partition_follows_the_region() {
        JsonNode cn = result(CdkApp.open(TEMPLATE).withRegion("cn-north-1").withAccountId("111122223333"));
        assertThat(cn.get("fnArn").asText()).isEqualTo("arn:aws-cn:lambda:cn-north-1:111122223333:function:Fn9F8A3C2B");
        assertThat(cn.get("queueUrl").asText())
                .isEqualTo("https://sqs.cn-north-1.amazonaws.com.cn/111122223333/Queue4A7E3555");
        assertThat(cn.get("urlSuffix").asText()).isEqualTo("amazonaws.com.cn");
    }

    @Test
    void ref_and_get_att_give_aws_shaped_values_by_resource_type() {
        assertThat(r.get("fnArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:Fn9F8A3C2B");
        assertThat(r.get("fnName").asText()).isEqualTo("Fn9F8A3C2B");
        assertThat(r.get("queueUrl").asText()).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/Queue4A7E3555");
        assertThat(r.get("queueArn").asText()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:Queue4A7E3555");
        assertThat(r.get("fifoName").asText()).isEqualTo("FifoQueue0C1D2E3F.fifo");
        assertThat(r.get("table").asText()).isEqualTo("orders");
        assertThat(r.get("tableArn").asText()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
        assertThat(r.get("topic").asText()).isEqualTo("arn:aws:sns:us-east-1:123456789012:TopicBFC7AF6E");
        assertThat(r.get("child").asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:child");
        assertThat(r.get("roleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/service/Role1ABCC5F0");
        assertThat(r.get("bucket").asText()).isEqualTo("bucket83908e77");
        assertThat(r.get("bucketArn").asText()).isEqualTo("arn:aws:s3:::bucket83908e77");
        assertThat(r.get("busArn").asText()).isEqualTo("arn:aws:events:us-east-1:123456789012:event-bus/orders-bus");
    }

    @Test
    void a_physical_name_given_by_an_intrinsic_is_resolved_and_used_get_att_string_form() {
        assertThat(r.get("namedFnArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:IntrinsicsStack-named");
    }

    @Test
    void fn_sub_string_form_resolves_refs_get_atts_parameters_and_keeps_escaped_literals() {
        assertThat(r.get("sub").asText())
                .isEqualTo("arn:aws:sqs:us-east-1:123456789012:Queue4A7E3555/${Literal}/prod");
    }

    @Test
    void fn_sub_list_form_uses_its_variables_first() {
        assertThat(r.get("subVars").asText()).isEqualTo("orders@us-east-1");
    }

    @Test
    void fn_select_of_fn_split_and_of_fn_get_azs() {
        assertThat(r.get("select").asText()).isEqualTo("b");
        assertThat(r.get("selectFromArn").asText()).isEqualTo("us-east-1");
        assertThat(r.get("az").asText()).isEqualTo("us-east-1a");
    }

    @Test
    void parameters_defaults_mappings_conditions_base64_and_nested_join() {
        assertThat(r.get("stage").asText()).isEqualTo("prod");
        assertThat(r.get("memory").asText()).isEqualTo("1024");
        assertThat(r.get("ifProd").asText()).isEqualTo("yes");
        assertThat(r.get("ifNotProd").asText()).isEqualTo("no");
        assertThat(r.get("b64").asText()).isEqualTo("aGk=");
        assertThat(r.get("joined").asText()).isEqualTo("a-prod-c");
    }

    @Test
    void what_cannot_be_known_offline_stays_an_opaque_placeholder_and_is_listed_with_its_place() {
        assertThat(r.get("ssm").asText()).isEqualTo("${Token[Ref.TopicArnParameter]}");
        assertThat(r.get("noDefault").asText()).isEqualTo("${Token[Ref.Owner]}");
        assertThat(r.get("appId").asText()).isEqualTo("${Token[GetAtt.App.ApplicationId]}");

        CdkStateMachine flow = CdkApp.open(TEMPLATE).stateMachine("IntrinsicsStack/Flow");
        assertThat(flow.unresolvedTokens()).extracting(CdkUnresolvedToken::placeholder).containsExactly(
                "${Token[Ref.TopicArnParameter]}", "${Token[Ref.Owner]}", "${Token[GetAtt.App.ApplicationId]}");
        assertThat(flow.unresolvedTokenIn("prefix ${Token[GetAtt.App.ApplicationId]} suffix")).get()
                .extracting(CdkUnresolvedToken::describe).asString()
                .startsWith("${Token[GetAtt.App.ApplicationId]} at " + TEMPLATE + ":")
                .endsWith("ASLUnit does not know the ApplicationId of a AWS::EMRServerless::Application resource");
        assertThat(flow.unresolvedTokens().get(0).reason())
                .isEqualTo("the parameter TopicArnParameter is read from SSM Parameter Store at deploy time "
                        + "(/shared/topic-arn); mock the task that uses it");
        assertThat(flow.unresolvedTokenIn("arn:aws:sns:us-east-1:123456789012:TopicBFC7AF6E")).isEmpty();
    }

    @Test
    void a_resource_the_definition_does_not_use_may_have_tokens_that_do_not_resolve() {
        CdkStateMachine flow = CdkApp.open(TEMPLATE).stateMachine("IntrinsicsStack/Flow");
        assertThat(flow.resourceByConstructPath().get("IntrinsicsStack/BrokenFn").values()).isEmpty();
        assertThat(flow.resourceByConstructPath().get("IntrinsicsStack/Fn").values()).containsEntry("Ref", "Fn9F8A3C2B");
    }

    @Test
    void a_definition_object_is_resolved_and_its_substitutions_applied() {
        JsonNode call = CdkApp.open(Path.of("src/test/resources/cdk/intrinsics/ObjectStack.template.json"))
                .stateMachine(null).definition().at("/States/Call");
        assertThat(call.get("Resource").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:Fn9F8A3C2B");
        assertThat(call.at("/Parameters/Table").asText()).isEqualTo("orders");
        assertThat(call.at("/Parameters/Region").asText()).isEqualTo("us-east-1");
    }
}
