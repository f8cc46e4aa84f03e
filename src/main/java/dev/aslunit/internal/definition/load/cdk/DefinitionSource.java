package dev.aslunit.internal.definition.load.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aslunit.internal.definition.DefinitionReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of a state machine's definition as CloudFormation would deploy it: its
 * {@code DefinitionString} (or {@code Definition} object, or {@code DefinitionS3Location} asset file)
 * with every token resolved and the {@code DefinitionSubstitutions} applied.
 */
final class DefinitionSource {

    private DefinitionSource() {
    }

    static SourcedText text(Resolver resolver, String logicalId, String constructPath) {
        Stack stack = resolver.stack();
        String props = "/Resources/" + DefinitionReader.escape(logicalId) + "/Properties";
        JsonNode properties = stack.resource(logicalId).path("Properties");
        SourcedText definition;
        if (properties.has("DefinitionString")) {
            definition = resolver.text(properties.get("DefinitionString"), props + "/DefinitionString");
        } else if (properties.has("Definition")) {
            definition = SourcedText.of(resolved(resolver, properties.get("Definition"), props + "/Definition").toString(),
                    SourcedText.Origin.fixed(stack.file(), stack.offset(props + "/Definition")));
        } else if (properties.has("DefinitionS3Location")) {
            definition = asset(resolver, properties.get("DefinitionS3Location"), props + "/DefinitionS3Location",
                    constructPath);
        } else {
            throw resolver.problem(props, "the state machine " + constructPath
                    + " has no DefinitionString, Definition or DefinitionS3Location");
        }
        JsonNode substitutions = properties.get("DefinitionSubstitutions");
        if (substitutions == null || !substitutions.isObject()) {
            return definition;
        }
        Map<String, SourcedText> values = new LinkedHashMap<>();
        substitutions.fields().forEachRemaining(e -> values.put(e.getKey(), resolver.text(e.getValue(),
                props + "/DefinitionSubstitutions/" + DefinitionReader.escape(e.getKey()))));
        return substitute(definition, values);
    }

    /** Replaces each {@code ${name}} that names a substitution; other {@code ${...}} stay as written. */
    static SourcedText substitute(SourcedText definition, Map<String, SourcedText> values) {
        String s = definition.toString();
        SourcedText out = new SourcedText();
        int from = 0;
        int open = s.indexOf("${");
        while (open >= 0) {
            int close = s.indexOf('}', open);
            if (close < 0) {
                break;
            }
            SourcedText value = values.get(s.substring(open + 2, close));
            if (value != null) {
                out.appendSlice(definition, from, open);
                out.append(value);
                from = close + 1;
            }
            open = s.indexOf("${", value != null ? from : open + 2);
        }
        out.appendSlice(definition, from, s.length());
        return out;
    }

    /** A {@code Definition} object with its intrinsic functions resolved to strings. */
    private static JsonNode resolved(Resolver resolver, JsonNode node, String pointer) {
        if (Resolver.intrinsic(node) != null) {
            return TextNode.valueOf(resolver.text(node, pointer).toString());
        }
        if (node.isObject()) {
            ObjectNode out = node.deepCopy();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                out.set(name, resolved(resolver, node.get(name), pointer + "/" + DefinitionReader.escape(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = node.deepCopy();
            for (int i = 0; i < node.size(); i++) {
                out.set(i, resolved(resolver, node.get(i), pointer + "/" + i));
            }
            return out;
        }
        return node;
    }

    /**
     * The asset file CDK wrote for {@code DefinitionBody.fromFile(...)}: the stack's asset manifest
     * names the file whose destination object key is the location's {@code Key}.
     */
    private static SourcedText asset(Resolver resolver, JsonNode location, String pointer, String constructPath) {
        JsonNode keyNode = location.get("Key");
        if (keyNode == null) {
            throw resolver.problem(pointer, "DefinitionS3Location of " + constructPath + " has no Key");
        }
        String key = resolver.text(keyNode, pointer + "/Key").toString();
        Stack stack = resolver.stack();
        Path file = stack.asset(key);
        String name = CloudAssembly.display(Path.of(stack.file().name()).getParent() == null ? null
                : Path.of(stack.file().name()).getParent().toString(), file.getFileName().toString());
        if (!Files.isRegularFile(file)) {
            throw resolver.problem(pointer, "the definition of " + constructPath + " is the S3 asset \"" + key
                    + "\", but " + name + " is not there; synthesize the app again (cdk synth) and keep the asset."
                    + "* files of cdk.out");
        }
        try {
            TextFile text = new TextFile(name, Files.readString(file, StandardCharsets.UTF_8));
            return SourcedText.of(text.text(), SourcedText.Origin.raw(text, 0));
        } catch (IOException e) {
            throw resolver.problem(pointer, "cannot read the definition asset " + name + ": " + e.getMessage());
        }
    }
}
