package dev.aslunit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * TestState's {@code context}: the parts of the context object a test may set, each member with its
 * type, refused in AWS's words otherwise ({@code Map} cannot be set: a tested state is never an
 * iteration of a Map).
 */
final class TestStateContext {

    private static final String PREFIX = "Invalid Context object provided: ";

    /** Each section's members and whether the member is a string (else a number, or any JSON for {@code Input}). */
    private static final Map<String, Map<String, Kind>> SECTIONS = Map.of(
            "Execution", Map.of("Id", Kind.STRING, "Input", Kind.ANY, "Name", Kind.STRING, "RoleArn", Kind.STRING,
                    "StartTime", Kind.STRING, "RedriveCount", Kind.NUMBER, "RedriveTime", Kind.STRING),
            "State", Map.of("EnteredTime", Kind.STRING, "Name", Kind.STRING, "RetryCount", Kind.NUMBER),
            "StateMachine", Map.of("Id", Kind.STRING, "Name", Kind.STRING),
            "Task", Map.of("Token", Kind.STRING));

    private enum Kind {
        STRING, NUMBER, ANY
    }

    private TestStateContext() {
    }

    /** The context object given as JSON text, checked; {@code null} when none was given. */
    static ObjectNode parse(String json) {
        if (json == null) {
            return null;
        }
        JsonNode context;
        try {
            context = Wire.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw ApiException.validation(PREFIX + "it is not valid JSON: " + e.getOriginalMessage());
        }
        if (context == null || !context.isObject()) {
            throw ApiException.validation(PREFIX + "it must be a JSON object");
        }
        context.fields().forEachRemaining(section -> {
            if (section.getKey().equals("Map")) {
                throw ApiException.validation(PREFIX + "'Map' field is not supported when mocking a Context object");
            }
            Map<String, Kind> members = SECTIONS.get(section.getKey());
            if (members == null) {
                throw ApiException.validation(PREFIX + "Field '" + section.getKey() + "' is not allowed");
            }
            if (!section.getValue().isObject()) {
                throw ApiException.validation(PREFIX + section.getKey() + " must be an object");
            }
            section.getValue().fields().forEachRemaining(member -> {
                Kind kind = members.get(member.getKey());
                if (kind == null) {
                    throw ApiException.validation(PREFIX + "Field '" + member.getKey() + "' is not allowed");
                }
                String where = section.getKey() + "." + member.getKey();
                if (kind == Kind.STRING && !member.getValue().isTextual()) {
                    throw ApiException.validation(PREFIX + where + " must be a string");
                }
                if (kind == Kind.NUMBER && !member.getValue().isIntegralNumber()) {
                    throw ApiException.validation(PREFIX + where + " must be a number");
                }
            });
        });
        return (ObjectNode) context;
    }
}
