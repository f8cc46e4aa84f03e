package dev.aslunit.internal.verify;

/**
 * A Step Functions endpoint's TestState. {@link SdkEndpoint} is its one implementation; this type keeps
 * the SDK's classes out of {@link VerifyRun}, which must load when the SDK is absent.
 */
interface Endpoint extends AutoCloseable {

    /** @throws EndpointException when the endpoint refused the request or could not be reached */
    Answer testState(StateCall call);

    @Override
    void close();

    /** The endpoint answered with an exception (AWS's error code and message) or not at all. */
    final class EndpointException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EndpointException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
