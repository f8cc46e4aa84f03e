package dev.aslunit.internal.path;

/**
 * A run-time failure of a compiled path, template or intrinsic, as AWS reports it: the error name
 * ({@code States.Runtime}, {@code States.IntrinsicFailure}, {@code States.ResultPathMatchFailure})
 * and the cause text. The cause is AWS's text <em>without</em> the state prefix
 * ({@code "An error occurred while executing the state 'X' (entered at the event id #N). "}),
 * which the engine adds where AWS has it.
 */
public final class PathEvaluationException extends RuntimeException {

    public static final String RUNTIME = "States.Runtime";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";

    private final String error;
    private final String cause;

    public PathEvaluationException(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    /** AWS's error name, e.g. {@code States.Runtime}. */
    public String error() {
        return error;
    }

    /** AWS's cause text, without the state prefix. */
    public String cause() {
        return cause;
    }
}
