package dev.aslunit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A scope of workflow variables. A Map iteration or a Parallel branch gets a child scope: it reads
 * the outer variables, and what it assigns stays inside it, as AWS scopes them.
 */
final class Variables {

    private final Variables parent;
    private Map<String, JsonNode> own;

    Variables(Variables parent) {
        this.parent = parent;
    }

    JsonNode get(String name) {
        for (Variables v = this; v != null; v = v.parent) {
            if (v.own != null) {
                JsonNode value = v.own.get(name);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    void set(String name, JsonNode value) {
        if (own == null) {
            own = new HashMap<>();
        }
        own.put(name, value);
    }
}
