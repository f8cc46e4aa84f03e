package dev.aslunit.internal.passthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * A Task's parameters onto an SDK request, and an SDK response back to JSON, through the model's
 * field metadata ({@link SdkPojo#sdkFields()}): members by their model name in PascalCase, as Step
 * Functions writes them; a JSON object or array given for a string member (SQS's
 * {@code MessageBody}, EventBridge's {@code Detail}) is sent as its JSON text, as Step Functions does;
 * blobs are UTF-8 text both ways.
 */
final class SdkJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SdkJson() {
    }

    /** Fills an SDK builder (which is an {@link SdkPojo}) from a JSON object; {@code where} names it in messages. */
    static void fill(SdkPojo builder, JsonNode json, String where) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return;
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object, not " + json);
        }
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        for (SdkField<?> f : builder.sdkFields()) {
            fields.put(pascal(f.memberName()), f);
        }
        json.fields().forEachRemaining(e -> {
            SdkField<?> field = fields.get(pascal(e.getKey()));
            if (field == null) {
                throw new IllegalArgumentException(where + " has no field '" + e.getKey() + "': the AWS API knows "
                        + String.join(", ", fields.keySet()));
            }
            field.set(builder, value(field, e.getValue(), where + "." + e.getKey()));
        });
    }

    private static Object value(SdkField<?> field, JsonNode json, String where) {
        if (json.isNull()) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return json.isTextual() ? json.asText() : json.isValueNode() ? json.asText() : json.toString();
        }
        if (type == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromUtf8String(json.isTextual() ? json.asText() : json.toString());
        }
        if (type == MarshallingType.BOOLEAN) {
            return json.asBoolean();
        }
        if (type == MarshallingType.INTEGER) {
            return json.asInt();
        }
        if (type == MarshallingType.LONG) {
            return json.asLong();
        }
        if (type == MarshallingType.SHORT) {
            return (short) json.asInt();
        }
        if (type == MarshallingType.BYTE) {
            return (byte) json.asInt();
        }
        if (type == MarshallingType.FLOAT) {
            return (float) json.asDouble();
        }
        if (type == MarshallingType.DOUBLE) {
            return json.asDouble();
        }
        if (type == MarshallingType.BIG_DECIMAL) {
            return new BigDecimal(json.asText());
        }
        if (type == MarshallingType.INSTANT) {
            return json.isNumber() ? Instant.ofEpochMilli(Math.round(json.asDouble() * 1000)) : Instant.parse(json.asText());
        }
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, json, where);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (type == MarshallingType.LIST) {
            if (!json.isArray()) {
                throw new IllegalArgumentException(where + " must be a JSON array, not " + json);
            }
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                out.add(value(member, json.get(i), where + "[" + i + "]"));
            }
            return out;
        }
        if (type == MarshallingType.MAP) {
            if (!json.isObject()) {
                throw new IllegalArgumentException(where + " must be a JSON object, not " + json);
            }
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            json.fields().forEachRemaining(e -> out.put(e.getKey(), value(member, e.getValue(), where + "." + e.getKey())));
            return out;
        }
        throw new IllegalArgumentException(where + ": ASLUnit cannot pass a value of the AWS type " + type
                + " through yet; mock this Task instead.");
    }

    /** An SDK response (or any model object) as Step Functions returns it: set members only, PascalCase. */
    static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode out = JSON.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            JsonNode value = json(field.getValueOrDefault(pojo));
            if (value != null) {
                out.set(pascal(field.memberName()), value);
            }
        }
        return out;
    }

    private static JsonNode json(Object value) {
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return null;
        }
        if (value instanceof SdkPojo p) {
            return toJson(p);
        }
        if (value instanceof List<?> list) {
            ArrayNode out = JSON.arrayNode();
            list.forEach(v -> out.add(json(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = JSON.objectNode();
            map.forEach((k, v) -> out.set(String.valueOf(k), json(v)));
            return out;
        }
        if (value instanceof SdkBytes b) {
            return JSON.textNode(new String(b.asByteArray(), StandardCharsets.UTF_8));
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JSON.numberNode(((Number) value).longValue());
        }
        if (value instanceof Float || value instanceof Double) {
            return JSON.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return JSON.numberNode(d);
        }
        return JSON.textNode(value.toString());
    }

    /** Step Functions spells every member in PascalCase, also where the service's model uses camelCase. */
    static String pascal(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
