package dev.aslunit.internal.definition.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's intrinsic functions inside a template's inline {@code Definition}
 * ({@code Resource: !GetAtt OrderFn.Arn}, {@code !Sub 'arn:${AWS::Partition}:states:::...'},
 * {@code !Ref Table}): CloudFormation resolves them before Step Functions sees the definition,
 * so each becomes the text it stands for, with {@code ${Name}} placeholders where only a deployed
 * stack knows the value. Those placeholders then take the caller's substitutions, or stay opaque,
 * like a {@code DefinitionUri} file's.
 */
final class InlineIntrinsics {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private InlineIntrinsics() {
    }

    /** @return {@code node} with every intrinsic function replaced by its text */
    static JsonNode resolve(JsonNode node) {
        String function = function(node);
        if (function != null) {
            return Json.nodes().textNode(text(function, node.get(function)));
        }
        if (node.isObject()) {
            ObjectNode out = Json.nodes().objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), resolve(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.nodes().arrayNode();
            node.forEach(e -> out.add(resolve(e)));
            return out;
        }
        return node;
    }

    /** {@code Ref} or {@code Fn::*} when {@code node} is an object holding just that one function. */
    private static String function(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return null;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") ? key : null;
    }

    private static String text(String function, JsonNode arg) {
        switch (function) {
            case "Ref":
                return "${" + arg.asText() + "}";
            case "Fn::GetAtt":
                return "${" + (arg.isArray() ? arg.path(0).asText() + "." + arg.path(1).asText() : arg.asText()) + "}";
            case "Fn::Sub":
                return sub(arg);
            case "Fn::Join":
                return join(arg);
            default:
                // Fn::If, Fn::ImportValue, Fn::FindInMap...: known only once deployed.
                return "${" + function + "}";
        }
    }

    /** {@code Fn::Sub}'s text, with its own variables put in where they are strings. */
    private static String sub(JsonNode arg) {
        if (arg.isTextual()) {
            return arg.asText();
        }
        String text = arg.path(0).asText();
        JsonNode variables = arg.path(1);
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = variables.get(m.group(1));
            String replacement = value == null ? m.group() : value.isValueNode() ? value.asText() : stringOf(value);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String join(JsonNode arg) {
        String separator = arg.path(0).asText();
        StringBuilder out = new StringBuilder();
        JsonNode parts = arg.path(1);
        for (int i = 0; i < parts.size(); i++) {
            out.append(i == 0 ? "" : separator).append(stringOf(parts.get(i)));
        }
        return out.toString();
    }

    private static String stringOf(JsonNode value) {
        String function = function(value);
        return function != null ? text(function, value.get(function)) : value.asText();
    }
}
