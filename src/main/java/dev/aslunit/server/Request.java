package dev.aslunit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.JsonWriting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of one request body, read with AWS's input constraints: a missing required member,
 * a wrong type or an over-long string is a {@code ValidationException} worded as AWS words it.
 */
final class Request {

    /** AWS's limit for a definition (characters). */
    static final int MAX_DEFINITION = 1_048_576;
    /** AWS's limit for execution input, task output and other payloads (UTF-8 bytes). */
    static final int MAX_PAYLOAD = 262_144;
    static final int MAX_ARN = 256;

    private final ObjectNode body;

    Request(ObjectNode body) {
        this.body = body;
    }

    String required(String member, int maxLength) {
        String value = optional(member, maxLength);
        if (value == null) {
            throw ApiException.constraint(member, null, "Member must not be null");
        }
        return value;
    }

    String optional(String member, int maxLength) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.validation("Member '" + member + "' must be a string");
        }
        String s = v.textValue();
        if (s.length() > maxLength) {
            throw ApiException.constraint(member, null,
                    "Member must have length less than or equal to " + maxLength);
        }
        return s;
    }

    /** A payload member (input, output): limited in UTF-8 bytes, as AWS counts them. */
    String payload(String member) {
        String s = optional(member, Integer.MAX_VALUE);
        if (s != null && JsonWriting.utf8Length(s) > MAX_PAYLOAD) {
            throw ApiException.constraint(member, null,
                    "Member must have length less than or equal to " + MAX_PAYLOAD);
        }
        return s;
    }

    boolean bool(String member, boolean defaultValue) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isBoolean()) {
            throw ApiException.validation("Member '" + member + "' must be a boolean");
        }
        return v.booleanValue();
    }

    /** {@code maxResults}: 0 or absent means the default page size of 100; the maximum is 1000. */
    int maxResults() {
        JsonNode v = body.get("maxResults");
        if (v == null || v.isNull()) {
            return 100;
        }
        if (!v.canConvertToInt()) {
            throw ApiException.validation("Member 'maxResults' must be an integer");
        }
        int n = v.intValue();
        if (n < 0 || n > 1000) {
            throw ApiException.constraint("maxResults", n,
                    "Member must have value " + (n < 0 ? "greater than or equal to 0" : "less than or equal to 1000"));
        }
        return n == 0 ? 100 : n;
    }

    /** A {@code [{"key":..,"value":..}]} tag list, in order. */
    Map<String, String> tags(String member) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            return tags;
        }
        if (!v.isArray()) {
            throw ApiException.validation("Member '" + member + "' must be a list of tags");
        }
        for (JsonNode tag : v) {
            JsonNode key = tag.get("key");
            if (key == null || !key.isTextual()) {
                throw ApiException.constraint(member + ".member.key", null, "Member must not be null");
            }
            JsonNode value = tag.get("value");
            tags.put(key.textValue(), value == null || value.isNull() ? "" : value.asText());
        }
        return tags;
    }

    List<String> strings(String member) {
        JsonNode v = body.get(member);
        if (v == null || v.isNull()) {
            throw ApiException.constraint(member, null, "Member must not be null");
        }
        if (!v.isArray()) {
            throw ApiException.validation("Member '" + member + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        v.forEach(e -> out.add(e.asText()));
        return out;
    }

    JsonNode node(String member) {
        return body.get(member);
    }
}
