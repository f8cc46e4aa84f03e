package dev.aslunit.internal.integration;

/** How a Task waits for its resource, chosen by the suffix of the {@code Resource} ARN. */
public enum IntegrationPattern {
    /** No suffix: the service's response is the result. */
    REQUEST_RESPONSE(""),
    /** {@code .sync}: the job's final state is the result. */
    SYNC(".sync"),
    /** {@code .sync:2}: as {@code .sync}, with JSON (not string) output for {@code states:startExecution}. */
    SYNC_2(".sync:2"),
    /** {@code .waitForTaskToken}: the result is what {@code SendTaskSuccess} sends back. */
    WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

    private final String suffix;

    IntegrationPattern(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** {@code .sync} and {@code .sync:2} run a job; Express workflows refuse them as they refuse token tasks. */
    public boolean isSync() {
        return this == SYNC || this == SYNC_2;
    }
}
