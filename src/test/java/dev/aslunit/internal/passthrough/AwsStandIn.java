package dev.aslunit.internal.passthrough;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** WireMock standing in for AWS endpoints in the pass-through tests of every front end. */
public final class AwsStandIn {

    private AwsStandIn() {
    }

    /** Started on a free loopback port, with {@link #credentials()}. */
    public static WireMockServer started() {
        credentials();
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    /** Credentials the SDK's default chain finds before the environment and ~/.aws. */
    public static void credentials() {
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
    }
}
