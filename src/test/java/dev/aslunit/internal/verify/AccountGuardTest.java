package dev.aslunit.internal.verify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may be called: the account the run names, checked through STS against AWS; and the settings' messages. */
class AccountGuardTest {

    private static VerifySettings settings(Map<String, String> parameters) {
        return VerifySettings.from(k -> Optional.ofNullable(parameters.get(k))).orElseThrow();
    }

    private static final VerifySettings AWS = settings(Map.of(VerifySettings.ENDPOINT,
            "https://states.eu-west-1.amazonaws.com", VerifySettings.ACCOUNT, "123456789012"));

    @Test
    void against_aws_the_credentials_must_belong_to_the_named_account_as_sts_says() {
        WireMockServer sts = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        sts.start();
        try {
            VerifyModeTest.Credentials.set();
            sts.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("""
                    <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                      <GetCallerIdentityResult>
                        <Arn>arn:aws:iam::111122223333:user/dev</Arn><UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account>
                      </GetCallerIdentityResult>
                      <ResponseMetadata><RequestId>0e1f2a3b-0000-0000-0000-000000000000</RequestId></ResponseMetadata>
                    </GetCallerIdentityResponse>""")));
            URI endpoint = URI.create(sts.baseUrl());

            assertThatIllegalStateException()
                    .isThrownBy(() -> AccountGuard.check(AWS, () -> StsAccount.callerAccount("eu-west-1", endpoint)))
                    .withMessage("Verify mode refuses to call https://states.eu-west-1.amazonaws.com: the run's credentials"
                            + " belong to account 111122223333 (STS GetCallerIdentity), and the run names account"
                            + " 123456789012 (aslunit.verify.account). Use the credentials of the account you named"
                            + " (AWS_PROFILE=...), or name this account if it is the one you mean to call.");
            sts.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity")));

            assertThatNoException().isThrownBy(() -> AccountGuard.check(settings(Map.of(VerifySettings.ENDPOINT,
                    "https://states.eu-west-1.amazonaws.com", VerifySettings.ACCOUNT, "111122223333")),
                    () -> StsAccount.callerAccount("eu-west-1", endpoint)));
        } finally {
            VerifyModeTest.Credentials.clear();
            sts.stop();
        }
    }

    @Test
    void an_emulator_is_not_asked_for_its_account_but_the_account_must_be_named() {
        VerifySettings serve = settings(Map.of(VerifySettings.ENDPOINT, "http://127.0.0.1:8083",
                VerifySettings.ACCOUNT, "000000000000"));
        assertThatNoException().isThrownBy(() -> AccountGuard.check(serve, () -> {
            throw new AssertionError("STS asked about an emulator");
        }));
        VerifySettings unnamed = settings(Map.of(VerifySettings.ENDPOINT, "http://127.0.0.1:8083"));
        assertThatIllegalStateException().isThrownBy(() -> AccountGuard.check(unnamed, () -> "000000000000"))
                .withMessageStartingWith("Verify mode calls the TestState API of http://127.0.0.1:8083 only when the run"
                        + " names the AWS account it may call, and none is named: set aslunit.verify.account=");
    }

    @Test
    void the_settings_take_the_region_from_an_aws_host_and_say_how_to_fix_a_bad_value() {
        assertThat(AWS.region()).isEqualTo("eu-west-1");
        assertThat(AWS.isAws()).isTrue();
        assertThat(AWS.maxCalls()).isEqualTo(VerifySettings.DEFAULT_MAX_CALLS);
        assertThat(settings(Map.of(VerifySettings.ENDPOINT, "http://localhost:4566")).region()).isEqualTo("us-east-1");
        assertThat(VerifySettings.from(k -> Optional.empty())).isEmpty();

        assertThatIllegalArgumentException().isThrownBy(() -> settings(Map.of(VerifySettings.ENDPOINT, "localhost:4566")))
                .withMessageContaining("give the Step Functions endpoint as a URL, e.g. aslunit.verify.endpoint=http://127.0.0.1:8083");
        assertThatIllegalArgumentException().isThrownBy(() -> settings(Map.of(VerifySettings.ENDPOINT,
                "http://localhost:4566", VerifySettings.ACCOUNT, "12345")))
                .withMessageContaining("give the 12-digit AWS account id");
        assertThatIllegalArgumentException().isThrownBy(() -> settings(Map.of(VerifySettings.ENDPOINT,
                "http://localhost:4566", VerifySettings.MAX_CALLS, "lots")))
                .withMessageContaining("aslunit.verify.maxCalls=500");
        assertThatIllegalArgumentException().isThrownBy(() -> settings(Map.of(VerifySettings.ENDPOINT,
                "https://vpce-1.states.amazonaws.com")))
                .withMessageContaining("set aslunit.aws.region=eu-west-1");
    }

    @Test
    void a_missing_sdk_client_names_the_artifact_to_add() {
        assertThatIllegalStateException().isThrownBy(() -> SdkCheck.require("sfn", "software.amazon.awssdk.services.sfn.NoSuchClient",
                "calls the TestState API of http://127.0.0.1:8083", getClass().getClassLoader()))
                .withMessageStartingWith("Verify mode (aslunit.verify.endpoint) calls the TestState API of"
                        + " http://127.0.0.1:8083 through the AWS SDK for Java v2, and its client is not on the"
                        + " classpath. Add the artifact software.amazon.awssdk:sfn (to a Maven build: <dependency>")
                .withMessageContaining("to the aslunit CLI: its jars with their dependencies in ASLUNIT_CLASSPATH");
    }
}
