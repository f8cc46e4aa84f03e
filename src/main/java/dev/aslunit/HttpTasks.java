package dev.aslunit;

import dev.aslunit.internal.integration.http.HttpTaskClient;

/**
 * What a test lets its {@code arn:aws:states:::http:invoke} Tasks call, from {@link StateMachineUnderTest#http()}:
 * routes to a stub server and the hosts allowed besides loopback. The calls are real HTTP, made and
 * answered as Step Functions shapes them (docs/mocking.md).
 */
public final class HttpTasks {

    private final HttpTaskClient client;

    HttpTasks(HttpTaskClient client) {
        this.client = client;
    }

    /**
     * Sends calls whose {@code ApiEndpoint} starts with {@code from} (scheme, host and port, and
     * optionally a path) to {@code to} instead, keeping the rest of the URL, e.g.
     * {@code route("https://shipping.example.com", wireMock.getHttpBaseUrl())}.
     */
    public HttpTasks route(String from, String to) {
        client.route(from, to);
        return this;
    }

    /** Lets HTTP tasks call this host (not loopback), e.g. {@code allowHost("api.example.com")}. */
    public HttpTasks allowHost(String host) {
        client.allowHost(host);
        return this;
    }

    /** Lets HTTP tasks call any host: a test that really wants the network. */
    public HttpTasks allowAnyHost() {
        client.allowAnyHost();
        return this;
    }
}
