package dev.aslunit.internal.integration.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} as the HTTP Task's {@code Transform} builds it: nested
 * objects as {@code a[b]=c}, arrays per {@code RequestEncodingOptions.ArrayFormat}: {@code INDICES}
 * (the default, {@code a[0]=x&a[1]=y}), {@code REPEAT} ({@code a=x&a=y}), {@code COMMAS}
 * ({@code a=x,y}), {@code BRACKETS} ({@code a[]=x&a[]=y}).
 */
enum FormEncoding {
    INDICES, REPEAT, COMMAS, BRACKETS;

    static FormEncoding of(String arrayFormat) {
        if (arrayFormat == null) {
            return INDICES;
        }
        for (FormEncoding format : values()) {
            if (format.name().equals(arrayFormat)) {
                return format;
            }
        }
        return null;
    }

    String encode(JsonNode object) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            add(pairs, e.getKey(), e.getValue());
        }
        return String.join("&", pairs);
    }

    private void add(List<String> pairs, String key, JsonNode value) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                add(pairs, key + "[" + e.getKey() + "]", e.getValue());
            }
        } else if (value.isArray()) {
            if (this == COMMAS) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(scalar(item)));
                pairs.add(encode(key) + "=" + encode(String.join(",", items)));
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                String itemKey = switch (this) {
                    case INDICES -> key + "[" + i + "]";
                    case BRACKETS -> key + "[]";
                    default -> key;
                };
                add(pairs, itemKey, value.get(i));
            }
        } else {
            pairs.add(encode(key) + "=" + encode(scalar(value)));
        }
    }

    static String scalar(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.isNull() ? "" : value.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
