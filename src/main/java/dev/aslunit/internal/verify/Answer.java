package dev.aslunit.internal.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What TestState answers for one state, the fields both sides are compared on: {@code status}
 * ({@code SUCCEEDED}, {@code FAILED}, {@code RETRIABLE}, {@code CAUGHT_ERROR}), {@code output} (JSON
 * text, compared as JSON), {@code nextState}, {@code error} and {@code cause}; {@code null} where the
 * answer has no such member.
 */
record Answer(String status, String output, String nextState, String error, String cause) {

    /** One field on which ASLUnit's answer and the endpoint's differ. */
    record Difference(String field, String aslunit, String endpoint) {
    }

    /** The fields on which {@code endpoint} differs from this answer (ASLUnit's), in the order of TestState's response. */
    List<Difference> differences(Answer endpoint) {
        List<Difference> out = new ArrayList<>();
        if (!Objects.equals(status, endpoint.status)) {
            out.add(new Difference("status", status, endpoint.status));
        }
        if (!sameJson(output, endpoint.output)) {
            out.add(new Difference("output", output, endpoint.output));
        }
        if (!Objects.equals(nextState, endpoint.nextState)) {
            out.add(new Difference("nextState", nextState, endpoint.nextState));
        }
        if (!Objects.equals(error, endpoint.error)) {
            out.add(new Difference("error", error, endpoint.error));
        }
        if (!Objects.equals(cause, endpoint.cause)) {
            out.add(new Difference("cause", cause, endpoint.cause));
        }
        return out;
    }

    /** Outputs are JSON: the same value written with other spacing or member order is the same output. */
    private static boolean sameJson(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        try {
            JsonNode x = Json.parse(a);
            JsonNode y = Json.parse(b);
            return x.equals(y);
        } catch (JsonProcessingException notJson) {
            return a.equals(b);
        }
    }
}
