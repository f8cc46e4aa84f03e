package dev.aslunit.internal.definition.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${Name}} substitutions as CloudFormation's {@code DefinitionSubstitutions} make them: in
 * every string of the definition, keys included. What has no value stays as written and is listed.
 */
final class Substitutions {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.:-]+)}");

    /** A placeholder nobody gave a value for, at the pointer of the string that holds it. */
    record Unresolved(String name, String pointer) {
    }

    private final Map<String, String> values;
    private final List<Unresolved> unresolved = new ArrayList<>();

    private Substitutions(Map<String, String> values) {
        this.values = values;
    }

    /** @return a substituted copy of {@code node} and the placeholders that remain */
    static Result apply(JsonNode node, Map<String, String> values) {
        Substitutions s = new Substitutions(values);
        JsonNode out = s.substitute(node, "");
        return new Result(out, List.copyOf(s.unresolved));
    }

    record Result(JsonNode json, List<Unresolved> unresolved) {
    }

    /**
     * Substitutes in the text of a {@code DefinitionString} before it is parsed, as CloudFormation
     * does, so a placeholder may stand for a number ({@code "Seconds": ${Delay}}). What has no value
     * stays, to be reported from the parsed tree.
     */
    static String applyToText(String text, Map<String, String> values) {
        return new Substitutions(values).text(text, null);
    }

    private JsonNode substitute(JsonNode node, String p) {
        if (node.isTextual()) {
            String text = node.asText();
            return text.contains("${") ? Json.nodes().textNode(text(text, p)) : node;
        }
        if (node.isObject()) {
            ObjectNode out = Json.nodes().objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String fp = p + "/" + DefinitionReader.escape(e.getKey());
                String key = e.getKey().contains("${") ? text(e.getKey(), fp) : e.getKey();
                out.set(key, substitute(e.getValue(), fp));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.nodes().arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(substitute(node.get(i), p + "/" + i));
            }
            return out;
        }
        return node;
    }

    private String text(String text, String p) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                if (p != null) {
                    unresolved.add(new Unresolved(m.group(1), p));
                }
                value = m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
