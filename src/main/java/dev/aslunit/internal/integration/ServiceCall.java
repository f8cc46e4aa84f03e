package dev.aslunit.internal.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What AWS's answer to a service call depends on: the state, the resource, the effective parameters,
 * the call's place in the execution (for the generated ids) and its time. The engine's
 * {@code TaskInvocation} is one; keeping this package free of the engine lets the engine write the
 * responses of {@link ServiceResponses} into the history ({@code TaskSubmitted}).
 */
public interface ServiceCall {

    String stateName();

    /** The {@code Resource} ARN as written. */
    String resource();

    JsonNode parameters();

    /** 0-based count of this state's calls in the execution: the seed of the call's generated ids. */
    int invocation();

    Instant now();

    String executionArn();
}
