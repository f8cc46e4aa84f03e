package dev.aslunit.internal.verify;

import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.MockErrorOutput;
import software.amazon.awssdk.services.sfn.model.MockInput;
import software.amazon.awssdk.services.sfn.model.MockResponseValidationMode;
import software.amazon.awssdk.services.sfn.model.TestStateConfiguration;
import software.amazon.awssdk.services.sfn.model.TestStateRequest;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/**
 * TestState through the AWS SDK for Java v2's {@code SfnClient}, credentials from the SDK's default
 * chain. Loaded only after {@link SdkCheck} found the client, so a run without the SDK gets a message
 * naming the artifact instead of a {@code NoClassDefFoundError}.
 */
final class SdkEndpoint implements Endpoint {

    private final VerifySettings settings;
    private final SfnClient sfn;

    SdkEndpoint(VerifySettings settings) {
        this.settings = settings;
        this.sfn = SfnClient.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                // AWS serves TestState on "sync-states..."; an emulator on 127.0.0.1 has no such host name
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION,
                        !settings.isAws()))
                .build();
    }

    @Override
    public Answer testState(StateCall call) {
        TestStateRequest.Builder request = TestStateRequest.builder()
                .definition(call.definition())
                .stateName(call.state())
                .input(call.input())
                .inspectionLevel(InspectionLevel.fromValue(StateCall.INSPECTION_LEVEL));
        if (call.variables() != null) {
            request.variables(call.variables());
        }
        if (call.roleArn() != null) {
            request.roleArn(call.roleArn());
        }
        if (call.context() != null) {
            request.context(call.context());
        }
        if (call.mocked()) {
            MockInput.Builder mock = MockInput.builder()
                    .fieldValidationMode(MockResponseValidationMode.fromValue(StateCall.FIELD_VALIDATION_MODE));
            if (call.mockResult() != null) {
                mock.result(call.mockResult());
            } else {
                mock.errorOutput(MockErrorOutput.builder().error(call.mockError()).cause(call.mockCause()).build());
            }
            request.mock(mock.build());
        }
        if (call.configured()) {
            request.stateConfiguration(TestStateConfiguration.builder().retrierRetryCount(call.retrierRetryCount())
                    .errorCausedByState(call.errorCausedByState())
                    .mapIterationFailureCount(call.mapIterationFailureCount()).build());
        }
        TestStateResponse response;
        try {
            response = sfn.testState(request.build());
        } catch (SdkException e) {
            throw new EndpointException("TestState of " + settings.endpoint() + " refused " + call.place() + ": "
                    + e.getMessage(), e);
        }
        return new Answer(response.statusAsString(), response.output(), response.nextState(), response.error(),
                response.cause());
    }

    @Override
    public void close() {
        sfn.close();
    }
}
