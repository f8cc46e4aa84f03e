package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A state's data flow in its query language: JSONPath's paths and templates, or JSONata's expressions. */
interface Flow {

    /** The effective input: {@code InputPath} and {@code Parameters}, or JSONata's {@code Arguments}. */
    JsonNode input(Scope s, JsonNode raw);

    /** The state output from its raw input and its result. */
    JsonNode output(Scope s, JsonNode raw, JsonNode result);

    /** The variables {@code Assign} sets, evaluated against {@code value} (JSONPath's {@code $}), or {@code null}. */
    Map<String, JsonNode> assign(Scope s, JsonNode value);

    boolean assigns();
}
