package dev.aslunit.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * YAML anchors, aliases and merge keys, which Jackson's streaming parser leaves to its caller (an
 * alias comes through as the anchor's name as a string). Definitions written for the Serverless
 * Framework or SAM share a {@code Retry} list or a set of {@code Parameters} this way
 * ({@code Retry: *defaultRetry}, {@code <<: *lambdaParameters}); the tools that deploy them
 * (js-yaml, PyYAML) expand both, so ASLUnit does too.
 */
final class YamlReferences {

    /** Nodes that aliases may copy in all, so that nested aliases cannot blow a small file up without bound. */
    private static final int MAX_COPIED_NODES = 100_000;

    private static final String MERGE_KEY = "<<";

    private final Map<String, JsonNode> anchors = new HashMap<>();
    private int copied;

    /** Remembers {@code node} under {@code anchor} (nothing when there is none); a container is still being filled. */
    void anchor(String anchor, JsonNode node) {
        if (anchor != null) {
            anchors.put(anchor, node);
        }
    }

    /** A copy of what {@code *name} refers to. */
    JsonNode alias(String name, JsonLocation at) throws SourceSyntaxException {
        JsonNode anchored = anchors.get(name);
        if (anchored == null) {
            throw new SourceSyntaxException("The alias *" + name + " refers to no anchor &" + name + " before it",
                    at.getLineNr(), at.getColumnNr(), false, null);
        }
        copied += size(anchored);
        if (copied > MAX_COPIED_NODES) {
            throw new SourceSyntaxException("Aliases expand this document to more than " + MAX_COPIED_NODES
                    + " values", at.getLineNr(), at.getColumnNr(), false, null);
        }
        return anchored.deepCopy();
    }

    /**
     * Applies every merge key ({@code <<: *base}, {@code <<: [*a, *b]}) under {@code root}: the
     * mapping's own keys win, then the merged mappings in order, as YAML's merge type defines.
     */
    static void merge(JsonNode root) {
        List<JsonNode> pending = new ArrayList<>();
        pending.add(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            if (node instanceof ObjectNode object && object.get(MERGE_KEY) != null) {
                JsonNode merged = object.remove(MERGE_KEY);
                for (JsonNode source : merged.isArray() ? merged : List.of(merged)) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (!object.has(e.getKey())) {
                            object.set(e.getKey(), e.getValue().deepCopy());
                        }
                    }
                }
            }
            node.forEach(pending::add);
        }
    }

    private static int size(JsonNode node) {
        int n = 1;
        List<JsonNode> pending = new ArrayList<>();
        node.forEach(pending::add);
        while (!pending.isEmpty()) {
            JsonNode next = pending.remove(pending.size() - 1);
            n++;
            next.forEach(pending::add);
        }
        return n;
    }
}
