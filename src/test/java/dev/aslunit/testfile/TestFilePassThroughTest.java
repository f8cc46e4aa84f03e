package dev.aslunit.testfile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aslunit.internal.passthrough.AwsStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code passThrough}, {@code awsEndpoint} and {@code awsRegion} in a test file, with WireMock
 * standing in for Lambda: the exact invocation, and nothing sent for a case that passes nothing through.
 */
class TestFilePassThroughTest {

    private static WireMockServer LAMBDA;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        LAMBDA = AwsStandIn.started();
    }

    @AfterAll
    static void stop() {
        LAMBDA.stop();
    }

    @BeforeEach
    void definition() throws Exception {
        LAMBDA.resetAll();
        LAMBDA.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"id\":\"p-1\"}")));
        Files.writeString(dir.resolve("pay.asl.json"), """
                {"StartAt": "Reserve", "States": {
                  "Reserve": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:reserve",
                              "ResultPath": null, "Next": "Pay"},
                  "Pay": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                          "Parameters": {"FunctionName": "pay", "Payload.$": "$"},
                          "ResultSelector": {"id.$": "$.Payload.id"}, "ResultPath": "$.payment", "End": true}}}""");
    }

    private List<CaseResult> run(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("pay.aslunit.yaml"), "stateMachine: {definition: pay.asl.json}\n"
                + "awsEndpoint: " + LAMBDA.baseUrl() + "\nawsRegion: us-east-1\n" + yaml);
        TestFileRunner runner = new TestFileRunner(null);
        return TestFileReader.read(file).cases().stream().map(runner::run).toList();
    }

    private static List<LoggedRequest> requests() {
        return LAMBDA.findAll(anyRequestedFor(anyUrl()));
    }

    @Test
    void a_state_passed_through_calls_the_endpoint_and_the_others_stay_mocked() throws Exception {
        List<CaseResult> results = run("""
                mocks:
                  Reserve: {returns: {}}
                cases:
                  - name: paid by the real function
                    input: {amount: 5}
                    passThrough: [Pay]
                    expect:
                      status: SUCCEEDED
                      output: {amount: 5, payment: {id: p-1}}
                      calls: {Pay: {times: 1, inputAt: {$.amount: 5}}}
                """);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.message()).isNull();
            assertThat(r.outcome()).isEqualTo(CaseResult.Outcome.PASSED);
        });
        assertThat(requests()).singleElement().satisfies(r -> {
            assertThat(r.getUrl()).isEqualTo("/2015-03-31/functions/pay/invocations");
            assertThat(r.getBodyAsString()).isEqualTo("{\"amount\":5}");
        });
    }

    @Test
    void the_files_pass_through_and_a_resource_apply_to_every_case() throws Exception {
        List<CaseResult> results = run("""
                passThrough: ["arn:aws:lambda:*:*:function:*"]
                cases:
                  - name: one
                    passThrough: [Pay]
                    expect: {status: SUCCEEDED}
                  - name: two
                    passThrough: ["arn:aws:states:::lambda:invoke"]
                    expect: {status: SUCCEEDED}
                """);

        assertThat(results).extracting(CaseResult::outcome)
                .containsExactly(CaseResult.Outcome.PASSED, CaseResult.Outcome.PASSED);
        assertThat(requests()).extracting(LoggedRequest::getUrl).containsExactly(
                "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Areserve/invocations",
                "/2015-03-31/functions/pay/invocations",
                "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Areserve/invocations",
                "/2015-03-31/functions/pay/invocations");
    }

    @Test
    void without_pass_through_nothing_leaves_the_machine() throws Exception {
        List<CaseResult> results = run("""
                cases:
                  - name: nothing mocked
                    mocks: {Reserve: {returns: {}}}
                    expect: {status: SUCCEEDED}
                """);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(CaseResult.Outcome.FAILED);
            assertThat(r.message()).contains("Task state \"Pay\" has no mock.");
        });
        assertThat(requests()).isEmpty();
    }

    @Test
    void a_name_the_definition_lacks_is_an_error_at_its_line() throws Exception {
        List<CaseResult> results = run("""
                cases:
                  - name: misspelled
                    passThrough: [Pya]
                    expect: {status: SUCCEEDED}
                """);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(CaseResult.Outcome.ERROR);
            assertThat(r.message()).startsWith(dir.resolve("pay.aslunit.yaml") + ":6:19: ").contains("Pay");
        });
        assertThat(requests()).isEmpty();
    }

    @Test
    void an_endpoint_without_a_scheme_is_a_mistake_of_the_file() throws Exception {
        Path file = Files.writeString(dir.resolve("pay.aslunit.yaml"), """
                stateMachine: {definition: pay.asl.json}
                awsEndpoint: localhost:4566
                cases:
                  - name: one
                    expect: {status: SUCCEEDED}
                """);

        assertThatThrownBy(() -> TestFileReader.read(file)).isInstanceOf(TestFileException.class)
                .hasMessageContaining("pay.aslunit.yaml:2:1: \"localhost:4566\" is not an endpoint URL; write a scheme"
                        + " and a host, e.g. \"http://localhost:4566\"");
    }
}
