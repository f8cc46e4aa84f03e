package dev.aslunit.internal.verify;

/** A Step Functions endpoint's TestState: {@link SdkEndpoint} over HTTP; a test may answer in Java. */
interface Endpoint extends AutoCloseable {

    /** @throws EndpointException when the endpoint refused the request or could not be reached */
    Answer testState(StateCall call);

    /** The AWS account the run's credentials belong to, as STS's GetCallerIdentity tells it. */
    String callerAccount();

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
