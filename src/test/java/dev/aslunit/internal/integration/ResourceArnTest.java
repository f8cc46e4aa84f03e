package dev.aslunit.internal.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.internal.integration.ResourceArn.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceArnTest {

    @ParameterizedTest
    @CsvSource({
        "arn:aws:states:::lambda:invoke, lambda, invoke, REQUEST_RESPONSE, invoke",
        "arn:aws:states:::lambda:invoke.waitForTaskToken, lambda, invoke, WAIT_FOR_TASK_TOKEN, invoke.waitForTaskToken",
        "arn:aws:states:::states:startExecution.sync, states, startExecution, SYNC, startExecution.sync",
        "arn:aws:states:::states:startExecution.sync:2, states, startExecution, SYNC_2, startExecution.sync:2",
        "arn:aws:states:::sqs:sendMessage.waitForTaskToken, sqs, sendMessage, WAIT_FOR_TASK_TOKEN, sendMessage.waitForTaskToken",
        "arn:aws:states:::aws-sdk:s3:getObject, aws-sdk:s3, getObject, REQUEST_RESPONSE, getObject",
        "arn:aws:states:::aws-sdk:sfn:startExecution.waitForTaskToken, aws-sdk:sfn, startExecution, WAIT_FOR_TASK_TOKEN, startExecution.waitForTaskToken",
        "arn:aws:states:::http:invoke, http, invoke, REQUEST_RESPONSE, invoke",
        "arn:aws-cn:states:::dynamodb:putItem, dynamodb, putItem, REQUEST_RESPONSE, putItem",
        "arn:aws:states:::glue:startJobRun.sync, glue, startJobRun, SYNC, startJobRun.sync",
    })
    void service_integrations_split_into_type_action_and_pattern(String arn, String type, String action,
                                                                 IntegrationPattern pattern, String resourceName) {
        ResourceArn r = ResourceArn.parse(arn);

        assertThat(r.kind()).isEqualTo(Kind.SERVICE);
        assertThat(r.resourceType()).isEqualTo(type);
        assertThat(r.action()).isEqualTo(action);
        assertThat(r.pattern()).isEqualTo(pattern);
        assertThat(r.resourceName()).isEqualTo(resourceName);
        assertThat(r.region()).isEmpty();
    }

    @Test
    void a_lambda_function_arn_is_the_legacy_integration() {
        ResourceArn r = ResourceArn.parse("arn:aws:lambda:eu-west-1:123456789012:function:charge:live");

        assertThat(r.kind()).isEqualTo(Kind.LAMBDA_FUNCTION);
        assertThat(r.action()).isEqualTo("charge:live");
        assertThat(r.region()).isEqualTo("eu-west-1");
        assertThat(r.account()).isEqualTo("123456789012");
        assertThat(r.isLambdaInvoke()).isFalse();
        assertThat(ResourceArn.parse("arn:aws:states:::lambda:invoke").isLambdaInvoke()).isTrue();
    }

    @Test
    void an_activity_arn_names_the_activity() {
        ResourceArn r = ResourceArn.parse("arn:aws:states:us-east-1:123456789012:activity:approve");

        assertThat(r.kind()).isEqualTo(Kind.ACTIVITY);
        assertThat(r.action()).isEqualTo("approve");
        assertThat(r.allowedInExpress()).isFalse();
    }

    @Test
    void patterns_follow_awss_optimized_integrations_table() {
        assertThat(ResourceArn.parse("arn:aws:states:::dynamodb:getItem.waitForTaskToken").patternSupported()).isFalse();
        assertThat(ResourceArn.parse("arn:aws:states:::lambda:invoke.sync").patternSupported()).isFalse();
        assertThat(ResourceArn.parse("arn:aws:states:::sqs:sendMessage.waitForTaskToken").patternSupported()).isTrue();
        assertThat(ResourceArn.parse("arn:aws:states:::athena:startQueryExecution.sync").patternSupported()).isTrue();
        assertThat(ResourceArn.parse("arn:aws:states:::glue:startJobRun.sync:2").patternSupported()).isFalse();
        assertThat(ResourceArn.parse("arn:aws:states:::states:startExecution.sync:2").patternSupported()).isTrue();
        assertThat(ResourceArn.parse("arn:aws:states:::aws-sdk:s3:getObject.sync").patternSupported()).isFalse();
        assertThat(ResourceArn.parse("arn:aws:states:::aws-sdk:s3:getObject.waitForTaskToken").patternSupported()).isTrue();
        assertThat(ResourceArn.parse("arn:aws:states:::http:invoke.waitForTaskToken").patternSupported()).isFalse();
    }

    @Test
    void express_allows_request_response_only() {
        assertThat(ResourceArn.parse("arn:aws:states:::lambda:invoke").allowedInExpress()).isTrue();
        assertThat(ResourceArn.parse("arn:aws:states:::states:startExecution.sync").allowedInExpress()).isFalse();
        assertThat(ResourceArn.parse("arn:aws:states:::sns:publish.waitForTaskToken").allowedInExpress()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lambda:invoke", "arn:aws:s3:::bucket/key", "arn:aws:states:::lambda",
        "arn:aws:states:::aws-sdk:s3", "arn:aws:lambda:us-east-1:1:function:"})
    void other_text_is_not_a_resource(String text) {
        assertThat(ResourceArn.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> ResourceArn.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("\"" + text + "\" is not a Task resource. Expected arn:aws:states:::<service>:<action>");
    }
}
