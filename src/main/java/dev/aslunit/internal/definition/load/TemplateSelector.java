package dev.aslunit.internal.definition.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.SourceLocator;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.json.SourceDocument;
import dev.aslunit.internal.validation.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a state machine's definition in a SAM or CloudFormation template: inline
 * ({@code Definition}), as text ({@code DefinitionString}, also inside {@code Fn::Sub}) or in a
 * file next to the template ({@code DefinitionUri}), with its {@code DefinitionSubstitutions}.
 */
final class TemplateSelector {

    private static final String SAM = "AWS::Serverless::StateMachine";
    private static final String CFN = "AWS::StepFunctions::StateMachine";

    private final SourceText source;
    private final SourceDocument template;
    private final String logicalId;
    private final Map<String, String> given;

    /** @param given the caller's substitutions, which win over the template's */
    TemplateSelector(SourceText source, SourceDocument template, String logicalId, Map<String, String> given) {
        this.source = source;
        this.template = template;
        this.logicalId = logicalId;
        this.given = given;
    }

    /** A template rather than ASL: it has {@code Resources} and no {@code States}. */
    static boolean isTemplate(JsonNode root) {
        return root != null && root.isObject() && root.path("Resources").isObject() && !root.has("States");
    }

    /** @return the selected definition, or {@code null} when its text was unreadable (then in {@code diagnostics}) */
    DefinitionLoader.Selected select(List<Diagnostic> diagnostics) {
        Map<String, String> machines = new LinkedHashMap<>();
        template.root().get("Resources").fields().forEachRemaining(e -> {
            String type = e.getValue().path("Type").asText("");
            if (type.equals(SAM) || type.equals(CFN)) {
                machines.put(e.getKey(), type);
            }
        });
        String id = chosen(machines);
        String resource = "/Resources/" + DefinitionReader.escape(id);
        JsonNode properties = template.root().at(resource + "/Properties");
        boolean sam = machines.get(id).equals(SAM);
        Map<String, String> substitutions = substitutions(properties.get("DefinitionSubstitutions"));
        JsonNode typeNode = properties.get(sam ? "Type" : "StateMachineType");
        StateMachineType type = typeNode != null && "EXPRESS".equals(typeNode.asText()) ? StateMachineType.EXPRESS
                : null;
        String properties0 = resource + "/Properties";
        if (properties.has("Definition")) {
            DefinitionLoader.Selected inline = DefinitionLoader.Selected.in(template, properties0 + "/Definition",
                    substitutions, type);
            return new DefinitionLoader.Selected(InlineIntrinsics.resolve(inline.json()), inline.locator(),
                    inline.duplicates(), substitutions, type);
        }
        if (!sam && properties.has("DefinitionString")) {
            return definitionString(properties.get("DefinitionString"), properties0 + "/DefinitionString",
                    substitutions, type, diagnostics);
        }
        JsonNode uri = properties.get("DefinitionUri");
        if (sam && uri != null && uri.isTextual() && !uri.asText().startsWith("s3://")) {
            String file = source.name() == null ? uri.asText()
                    : Path.of(source.name()).resolveSibling(uri.asText()).normalize().toString();
            SourceText text = source.origin().sibling(uri.asText()).read(file);
            Map<String, String> values = new LinkedHashMap<>(substitutions);
            values.putAll(given);
            return DefinitionLoader.substituted(text, values, substitutions, type, diagnostics);
        }
        if (uri != null || properties.has("DefinitionS3Location")) {
            throw new DefinitionSourceException("State machine " + id + " in " + name() + " takes its definition from "
                    + "S3; ASLUnit reads local files only: use a DefinitionUri relative to the template, or load the "
                    + "definition file itself");
        }
        throw new DefinitionSourceException("State machine " + id + " in " + name() + " has no definition: expected "
                + (sam ? "Definition or DefinitionUri" : "Definition or DefinitionString") + " in its Properties");
    }

    private String chosen(Map<String, String> machines) {
        if (logicalId != null) {
            if (!machines.containsKey(logicalId)) {
                throw new DefinitionSourceException("No state machine with logical id \"" + logicalId + "\" in "
                        + name() + "; its state machines: " + list(machines));
            }
            return logicalId;
        }
        if (machines.size() != 1) {
            throw new DefinitionSourceException(machines.isEmpty()
                    ? "No state machine in " + name() + ": expected a resource of type " + SAM + " or " + CFN
                    : name() + " has " + machines.size() + " state machines; choose one by its logical id: "
                            + list(machines));
        }
        return machines.keySet().iterator().next();
    }

    private DefinitionLoader.Selected definitionString(JsonNode value, String pointer, Map<String, String> fromTemplate,
            StateMachineType type, List<Diagnostic> diagnostics) {
        Map<String, String> substitutions = new LinkedHashMap<>(fromTemplate);
        JsonNode text = value;
        String textPointer = pointer;
        JsonNode sub = value.get("Fn::Sub");
        if (sub != null) {
            text = sub.isArray() ? sub.path(0) : sub;
            textPointer = pointer + (sub.isArray() ? "/Fn::Sub/0" : "/Fn::Sub");
            if (sub.isArray()) {
                substitutions.putAll(substitutions(sub.get(1)));
            }
        }
        if (!text.isTextual()) {
            throw new DefinitionSourceException("DefinitionString of " + name() + " at " + pointer + " is built with "
                    + "intrinsic functions other than Fn::Sub; give the definition as Definition, or as a string; "
                    + "for a template synthesized by the CDK, load it from its file (DefinitionLoader.fromFile or "
                    + "fromCdkApp; CLI: aslunit validate TEMPLATE --state-machine CONSTRUCT_PATH), which resolves "
                    + "them");
        }
        SourceLocation at = template.locate(textPointer);
        Map<String, String> values = new LinkedHashMap<>(substitutions);
        values.putAll(given);
        List<Diagnostic> local = new ArrayList<>();
        DefinitionLoader.Selected inner = DefinitionLoader.substituted(new SourceText(null, text.asText(),
                source.origin()), values, substitutions, type, local);
        if (inner == null) {
            local.forEach(d -> diagnostics.add(new Diagnostic(d.code(), d.message() + " (inside DefinitionString)",
                    shift(at, d.location().line(), d.location().column(), ""))));
            return null;
        }
        SourceLocator locator = p -> {
            SourceLocation in = inner.locator().locate(p);
            return shift(at, in.line(), in.column(), p);
        };
        List<Diagnostic> duplicates = inner.duplicates().stream()
                .map(d -> new Diagnostic(d.code(), d.message(), locator.locate(d.location().pointer()))).toList();
        return new DefinitionLoader.Selected(inner.json(), locator, duplicates, substitutions, type);
    }

    /**
     * A position inside a DefinitionString as a position in the template. In a YAML block scalar the
     * string's lines are the template's lines after the key, indented; in a one-line JSON string
     * there is no such mapping, so the key's position is used.
     */
    private SourceLocation shift(SourceLocation key, int line, int column, String pointer) {
        String[] lines = source.text().split("\n", -1);
        int target = key.line() + line - 1;
        boolean block = line > 0 && key.line() > 0 && target < lines.length
                && SourceDocument.formatOf(source.name(), source.text()) == SourceDocument.Format.YAML;
        if (block) {
            // YAML strips the block's indentation, set by its first line, from every line.
            int first = key.line();
            while (first < target && lines[first].isBlank()) {
                first++;
            }
            int indent = lines[first].length() - lines[first].stripLeading().length();
            return new SourceLocation(source.name(), pointer, target + 1, indent + column);
        }
        return new SourceLocation(source.name(), pointer, key.line(), key.column());
    }

    /** String values only: {@code !GetAtt}, {@code !Ref} and the like stay placeholders. */
    private static Map<String, String> substitutions(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    private String name() {
        return source.name() == null ? "the template" : source.name();
    }

    private static String list(Map<String, String> machines) {
        List<String> entries = new ArrayList<>();
        machines.forEach((id, type) -> entries.add(id + " (" + type + ")"));
        return entries.isEmpty() ? "none" : String.join(", ", entries);
    }
}
