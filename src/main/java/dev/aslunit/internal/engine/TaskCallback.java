package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** A task waiting for {@code SendTaskSuccess}, {@code SendTaskFailure} or {@code SendTaskHeartbeat}. */
interface TaskCallback {

    String stateName();

    void succeed(JsonNode result);

    void fail(String error, String cause);

    void heartbeat();
}
