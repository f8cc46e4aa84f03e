package dev.aslunit;

import dev.aslunit.internal.json.UserJson;

/**
 * A task token a {@code .waitForTaskToken} state is waiting for; sending it a result is what
 * {@code SendTaskSuccess}, {@code SendTaskFailure} and {@code SendTaskHeartbeat} do on AWS. The
 * execution then runs on as far as it can without the test (as after {@code start}).
 */
public final class TaskToken {

    private final Execution execution;
    private final String token;
    private final String stateName;

    TaskToken(Execution execution, String token, String stateName) {
        this.execution = execution;
        this.token = token;
        this.stateName = stateName;
    }

    public String token() {
        return token;
    }

    public String stateName() {
        return stateName;
    }

    /** {@code SendTaskSuccess}: the output as JSON text, a {@link java.nio.file.Path}, a Map or any Jackson-serialisable object. */
    public void sendSuccess(Object output) {
        execution.driver().sendTaskSuccess(token, UserJson.read(output, "The task output for \"" + stateName + "\""));
    }

    /** {@code SendTaskFailure} with an error name and a cause (either may be {@code null}). */
    public void sendFailure(String error, String cause) {
        execution.driver().sendTaskFailure(token, error, cause);
    }

    /** {@code SendTaskHeartbeat}: restarts the state's {@code HeartbeatSeconds}. */
    public void sendHeartbeat() {
        execution.driver().sendTaskHeartbeat(token);
    }

    @Override
    public String toString() {
        return "task token of \"" + stateName + "\" (" + token + ")";
    }
}
