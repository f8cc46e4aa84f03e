package dev.aslunit.internal.engine;

/**
 * An error raised while a state runs (a {@code States.*} error of the data flow, a task's error, a
 * Fail state): it travels to the state's retriers and catchers, else it fails the state's machine.
 * No stack trace: it is control flow, not a bug.
 */
final class StateFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String cause;

    StateFailure(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    String error() {
        return error;
    }

    String cause() {
        return cause;
    }
}
