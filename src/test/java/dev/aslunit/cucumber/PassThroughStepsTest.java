package dev.aslunit.cucumber;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.internal.pipeline.AwsParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/**
 * {@code the task "..." calls the real service} and its resource form, with WireMock standing in for
 * Lambda at {@code aslunit.aws.endpoint}: the exact invocations, and none without the step.
 */
class PassThroughStepsTest {

    private final WireMockServer lambda = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @BeforeEach
    void start() {
        lambda.start();
        lambda.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"charged\":true}")));
        System.setProperty(AwsParameters.ENDPOINT, lambda.baseUrl());
        System.setProperty(AwsParameters.REGION, "us-east-1");
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
    }

    @AfterEach
    void stop() {
        System.clearProperty(AwsParameters.ENDPOINT);
        System.clearProperty(AwsParameters.REGION);
        lambda.stop();
    }

    @Test
    void only_the_tasks_the_steps_name_call_the_endpoint() {
        Map<String, TestExecutionResult> results = FeatureRuns.run("dev/aslunit/cucumber/passthrough/pass-through.feature");

        assertThat(results.get("the charge calls the real function and the reservation stays mocked").getStatus())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(results.get("every Task of a resource calls the real service").getStatus())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        TestExecutionResult unmocked = results.get("without the step nothing leaves the machine");
        assertThat(unmocked.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(unmocked.getThrowable().orElseThrow().getMessage()).contains("Task state \"Charge\" has no mock.");

        List<String> invoked = lambda.findAll(anyRequestedFor(anyUrl())).stream().map(LoggedRequest::getUrl).toList();
        String functions = "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3A";
        // the first scenario's charge, then the second's reservation and charge; nothing from the third
        assertThat(invoked).containsExactly(functions + "charge/invocations", functions + "reserve/invocations",
                functions + "charge/invocations");
        assertThat(lambda.findAll(anyRequestedFor(anyUrl())).get(0).getBodyAsString()).isEqualTo("{\"reserved\":true}");
    }

    @Test
    void an_endpoint_without_a_scheme_names_the_parameter_and_the_fix() {
        System.setProperty(AwsParameters.ENDPOINT, "localhost:4566");

        assertThatThrownBy(() -> AwsParameters.apply(StepFunctionsConfig.newBuilder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The configuration parameter aslunit.aws.endpoint=localhost:4566 is not an endpoint URL:"
                        + " write a scheme and a host, e.g. aslunit.aws.endpoint=http://localhost:4566 (a system"
                        + " property, or a line of src/test/resources/junit-platform.properties).");
    }
}
