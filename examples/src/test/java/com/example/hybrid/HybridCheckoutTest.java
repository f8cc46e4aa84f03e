package com.example.hybrid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.junit.StepFunctionExtension;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hybrid run (docs/hybrid.md): the card is charged by the "real" payments Lambda, here WireMock
 * standing in for Lambda's endpoint, through the AWS SDK; stock and the confirmation stay mocked.
 * Pointed at LocalStack or AWS instead, the same test calls the deployed function.
 */
class HybridCheckoutTest {

    /** Lambda's endpoint: WireMock here, {@code http://localhost:4566} for LocalStack, unset for AWS. */
    static final WireMockServer LAMBDA = lambdaStandIn();

    @RegisterExtension
    static final StepFunctionExtension EXTENSION = StepFunctionExtension.newInstance()
            .definition("examples/hybrid-checkout/checkout.asl.json")
            .awsEndpoint(URI.create(LAMBDA.baseUrl()))
            .awsRegion("eu-west-1")
            .build();

    static final String CHARGE = "/2015-03-31/functions/"
            + "arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Acharge-card/invocations";

    StateMachineUnderTest sfn;

    private static WireMockServer lambdaStandIn() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        // the AWS SDK's default credentials chain reads these first; a stub does not check them
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
        return server;
    }

    @AfterAll
    static void stopLambda() {
        LAMBDA.stop();
    }

    @BeforeEach
    void mocksAndPassThrough() {
        LAMBDA.resetAll();
        sfn.mock("ReserveStock").returns("{\"orderId\":\"o-17\",\"amount\":250}");
        sfn.mock("Confirm").returns("{}");
        sfn.passThrough("ChargeCard");
    }

    @Test
    void the_card_is_charged_by_the_payments_lambda() {
        LAMBDA.stubFor(post(urlEqualTo(CHARGE)).willReturn(okJson("{\"chargeId\":\"ch-1\"}")));

        Execution execution = sfn.run(Map.of("orderId", "o-17"));

        assertThat(execution).succeeded().hasOutputContaining("{\"charge\":{\"chargeId\":\"ch-1\"}}");
        LAMBDA.verify(postRequestedFor(urlEqualTo(CHARGE))
                .withRequestBody(equalToJson("{\"orderId\":\"o-17\",\"amount\":250}")));
        assertThat(sfn.callsOf("ChargeCard")).wasCalled(1);
    }

    @Test
    void a_declined_card_from_the_lambda_is_caught() {
        LAMBDA.stubFor(post(urlEqualTo(CHARGE)).willReturn(aResponse().withStatus(200)
                .withHeader("X-Amz-Function-Error", "Unhandled")
                .withBody("{\"errorType\":\"CardDeclined\",\"errorMessage\":\"insufficient funds\"}")));

        Execution execution = sfn.run(Map.of("orderId", "o-17"));

        assertThat(execution).failedWith("PaymentDeclined");
        assertThat(execution).state("ChargeCard").wasCaughtBy("PaymentDeclined");
    }

    @Test
    void lambda_throttling_is_retried_on_the_virtual_clock() {
        LAMBDA.stubFor(post(urlEqualTo(CHARGE)).inScenario("throttled").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                        .withBody("{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\","
                                + "\"message\":\"Rate Exceeded.\"}"))
                .willSetStateTo("recovered"));
        LAMBDA.stubFor(post(urlEqualTo(CHARGE)).inScenario("throttled").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"chargeId\":\"ch-2\"}")));

        Execution execution = sfn.run(Map.of("orderId", "o-17"));

        assertThat(execution).succeeded();
        assertThat(execution).state("ChargeCard").wasRetried(1);
    }
}
