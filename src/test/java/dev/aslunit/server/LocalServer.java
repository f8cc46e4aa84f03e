package dev.aslunit.server;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A server on a free port and an SDK client for it, shared by the tests of one class: started
 * before the first, closed after the last.
 */
final class LocalServer implements BeforeAllCallback, AfterAllCallback {

    private StepFunctionsServer server;
    private SfnClient sfn;

    SfnClient sfn() {
        return sfn;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = StepFunctionsServer.builder().port(0).start();
        sfn = Sdk.client(server.endpoint());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sfn.close();
        server.close();
    }
}
