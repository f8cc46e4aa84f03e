package dev.aslunit.internal.definition.load.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the intrinsic functions of one stack's template as CloudFormation would at deploy time,
 * with AWS-shaped values for resources ({@link ResourceValues}) and the stack's pseudo parameters.
 * A value that cannot be known offline becomes an opaque {@code ${Token[...]}} placeholder.
 */
final class Resolver {

    private static final String[] PSEUDO = {
        "AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::URLSuffix", "AWS::StackName", "AWS::StackId"
    };

    private final Stack stack;
    private final Environment env;
    private final Resolution resolution;
    private final Map<String, Map<String, String>> values = new HashMap<>();
    private final Set<String> computing = new HashSet<>();

    Resolver(Stack stack, Environment env, Resolution resolution) {
        this.stack = stack;
        this.env = env;
        this.resolution = resolution;
    }

    Stack stack() {
        return stack;
    }

    /** Resolves {@code node} (at {@code pointer} in the template) to a string. */
    SourcedText text(JsonNode node, String pointer) {
        if (node.isTextual()) {
            return SourcedText.of(node.asText(), SourcedText.Origin.literal(stack.file(), stack.offset(pointer)));
        }
        if (node.isNumber() || node.isBoolean()) {
            return SourcedText.of(node.asText(), fixed(pointer));
        }
        String fn = intrinsic(node);
        if (fn == null) {
            throw problem(pointer, "expected a string or an intrinsic function, found " + kind(node));
        }
        JsonNode arg = node.get(fn);
        String argPtr = pointer + "/" + DefinitionReader.escape(fn);
        switch (fn) {
            case "Ref":
                return ref(arg.asText(), pointer);
            case "Fn::GetAtt":
                return getAtt(arg, argPtr, pointer);
            case "Fn::Join":
                return join(arg, argPtr);
            case "Fn::Sub":
                return sub(arg, argPtr, pointer);
            case "Fn::Select": {
                List<SourcedText> list = list(at(arg, 1, argPtr), argPtr + "/1");
                String index = text(at(arg, 0, argPtr), argPtr + "/0").toString();
                int i;
                try {
                    i = Integer.parseInt(index.trim());
                } catch (NumberFormatException e) {
                    throw problem(argPtr + "/0", "Fn::Select needs a number as its index, found \"" + index + "\"");
                }
                if (i < 0 || i >= list.size()) {
                    throw problem(pointer, "Fn::Select index " + i + " is outside the list of " + list.size());
                }
                return list.get(i);
            }
            case "Fn::ImportValue":
                return importValue(text(arg, argPtr).toString(), pointer);
            case "Fn::Base64":
                return SourcedText.of(Base64.getEncoder().encodeToString(
                        text(arg, argPtr).toString().getBytes(StandardCharsets.UTF_8)), fixed(pointer));
            case "Fn::FindInMap":
                return text(findInMap(arg, argPtr), pointerOfMapping(arg, argPtr));
            case "Fn::If": {
                Boolean c = condition(at(arg, 0, argPtr).asText(), argPtr + "/0");
                if (c == null) {
                    return opaque("${Token[Fn::If." + arg.path(0).asText() + "]}",
                            "the condition " + arg.path(0).asText() + " depends on a value only known at deploy time",
                            pointer);
                }
                int branch = c ? 1 : 2;
                return text(at(arg, branch, argPtr), argPtr + "/" + branch);
            }
            case "Fn::Split":
            case "Fn::GetAZs":
                throw problem(pointer, fn + " gives a list where a string is expected");
            default:
                return opaque("${Token[" + fn + "]}", "ASLUnit does not evaluate " + fn, pointer);
        }
    }

    /** Resolves {@code node} to a list of strings (a literal array, {@code Fn::Split}, {@code Fn::GetAZs}...). */
    List<SourcedText> list(JsonNode node, String pointer) {
        List<SourcedText> out = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode e = node.get(i);
                if (!"AWS::NoValue".equals(e.path("Ref").asText(null))) {
                    out.add(text(e, pointer + "/" + i));
                }
            }
            return out;
        }
        String fn = intrinsic(node);
        JsonNode arg = fn == null ? null : node.get(fn);
        String argPtr = fn == null ? pointer : pointer + "/" + DefinitionReader.escape(fn);
        if ("Fn::Split".equals(fn)) {
            String delimiter = text(at(arg, 0, argPtr), argPtr + "/0").toString();
            SourcedText source = text(at(arg, 1, argPtr), argPtr + "/1");
            if (delimiter.isEmpty()) {
                throw problem(argPtr + "/0", "Fn::Split needs a delimiter that is not empty");
            }
            String s = source.toString();
            int from = 0;
            for (int at = s.indexOf(delimiter); at >= 0; at = s.indexOf(delimiter, from)) {
                out.add(new SourcedText().appendSlice(source, from, at));
                from = at + delimiter.length();
            }
            out.add(new SourcedText().appendSlice(source, from, s.length()));
            return out;
        }
        if ("Fn::GetAZs".equals(fn)) {
            for (String az : new String[] {"a", "b", "c"}) {
                out.add(SourcedText.of(env.region() + az, fixed(pointer)));
            }
            return out;
        }
        if ("Fn::If".equals(fn)) {
            Boolean c = condition(at(arg, 0, argPtr).asText(), argPtr + "/0");
            if (c != null) {
                int branch = c ? 1 : 2;
                return list(at(arg, branch, argPtr), argPtr + "/" + branch);
            }
        }
        if ("Fn::FindInMap".equals(fn)) {
            return list(findInMap(arg, argPtr), pointerOfMapping(arg, argPtr));
        }
        if ("Ref".equals(fn) && stack.section("Parameters").has(arg.asText())) {
            SourcedText joined = ref(arg.asText(), pointer);
            String s = joined.toString();
            int from = 0;
            for (int at = s.indexOf(','); at >= 0; at = s.indexOf(',', from)) {
                out.add(new SourcedText().appendSlice(joined, from, at));
                from = at + 1;
            }
            out.add(new SourcedText().appendSlice(joined, from, s.length()));
            return out;
        }
        throw problem(pointer, "expected a list, found " + (fn == null ? kind(node) : fn));
    }

    /** The resource's {@code Ref} and attribute values (empty for types ASLUnit cannot shape). */
    Map<String, String> values(String logicalId) {
        Map<String, String> v = values.get(logicalId);
        if (v != null) {
            return v;
        }
        JsonNode resource = stack.resource(logicalId);
        if (resource == null || !computing.add(logicalId)) {
            return Map.of();
        }
        try {
            JsonNode props = resource.path("Properties");
            v = ResourceValues.of(resource.path("Type").asText(), logicalId, name -> {
                JsonNode p = props.get(name);
                if (p == null || p.isContainerNode() && intrinsic(p) == null) {
                    return null;
                }
                return text(p, "/Resources/" + DefinitionReader.escape(logicalId) + "/Properties/"
                        + DefinitionReader.escape(name)).toString();
            }, env);
        } finally {
            computing.remove(logicalId);
        }
        values.put(logicalId, v);
        return v;
    }

    private SourcedText ref(String target, String pointer) {
        switch (target) {
            case "AWS::Region":
                return SourcedText.of(env.region(), fixed(pointer));
            case "AWS::AccountId":
                return SourcedText.of(env.accountId(), fixed(pointer));
            case "AWS::Partition":
                return SourcedText.of(env.partition(), fixed(pointer));
            case "AWS::URLSuffix":
                return SourcedText.of(env.urlSuffix(), fixed(pointer));
            case "AWS::StackName":
                return SourcedText.of(env.stackName(), fixed(pointer));
            case "AWS::StackId":
                return SourcedText.of(env.stackId(), fixed(pointer));
            case "AWS::NoValue":
                return new SourcedText();
            default:
                break;
        }
        JsonNode parameter = stack.section("Parameters").get(target);
        JsonNode passed = stack.parent() == null ? null : stack.parent().resource(stack.parentResource())
                .path("Properties").path("Parameters").get(target);
        if (parameter != null && passed != null) {
            resolution.used(stack.parent());
            return resolution.resolver(stack.parent()).text(passed, "/Resources/"
                    + DefinitionReader.escape(stack.parentResource()) + "/Properties/Parameters/"
                    + DefinitionReader.escape(target));
        }
        if (parameter != null) {
            String type = parameter.path("Type").asText();
            JsonNode def = parameter.get("Default");
            if (type.startsWith("AWS::SSM::Parameter::Value")) {
                return opaque("${Token[Ref." + target + "]}", "the parameter " + target
                        + " is read from SSM Parameter Store at deploy time" + (def == null ? "" : " (" + def.asText() + ")")
                        + "; mock the task that uses it", pointer);
            }
            if (def == null) {
                return opaque("${Token[Ref." + target + "]}", "the parameter " + target
                        + " has no Default; its value is only known at deploy time", pointer);
            }
            return text(def, "/Parameters/" + DefinitionReader.escape(target) + "/Default");
        }
        if (stack.resource(target) == null) {
            throw problem(pointer, "Ref to \"" + target + "\", which is neither a resource, a parameter nor a pseudo "
                    + "parameter (" + String.join(", ", PSEUDO) + ") of " + stack.stackName());
        }
        String value = values(target).get("Ref");
        if (value == null) {
            return opaque("${Token[Ref." + target + "]}", "ASLUnit does not know the value of Ref for a "
                    + stack.resource(target).path("Type").asText() + " resource", pointer);
        }
        return SourcedText.of(value, fixed(pointer));
    }

    private SourcedText getAtt(JsonNode arg, String argPtr, String pointer) {
        String logicalId;
        String attribute;
        if (arg.isTextual() && arg.asText().contains(".")) {
            logicalId = arg.asText().substring(0, arg.asText().indexOf('.'));
            attribute = arg.asText().substring(logicalId.length() + 1);
        } else if (arg.isArray() && arg.size() == 2) {
            logicalId = arg.get(0).asText();
            attribute = text(arg.get(1), argPtr + "/1").toString();
        } else {
            throw problem(pointer, "Fn::GetAtt needs [\"LogicalId\", \"Attribute\"], found " + arg);
        }
        JsonNode resource = stack.resource(logicalId);
        if (resource == null) {
            throw problem(pointer, "Fn::GetAtt of \"" + logicalId + "\", which is not a resource of "
                    + stack.stackName());
        }
        if ("AWS::CloudFormation::Stack".equals(resource.path("Type").asText()) && attribute.startsWith("Outputs.")) {
            SourcedText output = nestedOutput(logicalId, attribute.substring("Outputs.".length()));
            if (output != null) {
                return output;
            }
        }
        String value = values(logicalId).get(attribute);
        if (value == null) {
            return opaque("${Token[GetAtt." + logicalId + "." + attribute + "]}", "ASLUnit does not know the "
                    + attribute + " of a " + resource.path("Type").asText() + " resource", pointer);
        }
        return SourcedText.of(value, fixed(pointer));
    }

    private SourcedText join(JsonNode arg, String argPtr) {
        SourcedText separator = text(at(arg, 0, argPtr), argPtr + "/0");
        List<SourcedText> parts = list(at(arg, 1, argPtr), argPtr + "/1");
        SourcedText out = new SourcedText();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(parts.get(i));
        }
        return out;
    }

    /** {@code Fn::Sub}: {@code ${Name}} is a Ref, {@code ${Id.Attr}} a GetAtt, {@code ${!x}} the text {@code ${x}}. */
    private SourcedText sub(JsonNode arg, String argPtr, String pointer) {
        JsonNode template = arg;
        String templatePtr = argPtr;
        JsonNode variables = null;
        if (arg.isArray()) {
            template = at(arg, 0, argPtr);
            templatePtr = argPtr + "/0";
            variables = arg.path(1);
        }
        if (!template.isTextual()) {
            throw problem(pointer, "Fn::Sub needs a string (or [string, variables]), found " + kind(template));
        }
        String s = template.asText();
        SourcedText.Origin literal = SourcedText.Origin.literal(stack.file(), stack.offset(templatePtr));
        SourcedText out = new SourcedText();
        int from = 0;
        for (int open = s.indexOf("${"); open >= 0; open = s.indexOf("${", from)) {
            int close = s.indexOf('}', open);
            if (close < 0) {
                break;
            }
            out.append(s.substring(from, open), literal.shifted(from));
            String name = s.substring(open + 2, close);
            if (name.startsWith("!")) {
                out.append("${" + name.substring(1) + "}", literal.shifted(open));
            } else if (variables != null && variables.has(name)) {
                out.append(text(variables.get(name), argPtr + "/1/" + DefinitionReader.escape(name)));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                out.append(getAtt(jsonArray(name.substring(0, dot), name.substring(dot + 1)), argPtr, pointer));
            } else {
                out.append(ref(name, pointer));
            }
            from = close + 1;
        }
        out.append(s.substring(from), literal.shifted(from));
        return out;
    }

    /** An output of the stack nested as resource {@code logicalId}, resolved in that stack; null when unknown. */
    private SourcedText nestedOutput(String logicalId, String output) {
        Stack nested = resolution.nestedStack(stack, logicalId);
        JsonNode value = nested == null ? null : nested.section("Outputs").path(output).get("Value");
        if (value == null) {
            return null;
        }
        resolution.used(nested);
        return resolution.resolver(nested).text(value, "/Outputs/" + DefinitionReader.escape(output) + "/Value");
    }

    private SourcedText importValue(String name, String pointer) {
        Resolution.Export export = resolution.export(name);
        if (export == null) {
            return opaque("${Token[ImportValue." + name + "]}", "no stack of this app exports \"" + name
                    + "\"; give the whole cdk.out directory so the exporting stack is there", pointer);
        }
        resolution.used(export.stack());
        String output = "/Outputs/" + DefinitionReader.escape(export.outputName()) + "/Value";
        return resolution.resolver(export.stack()).text(export.stack().root().at(output), output);
    }

    private JsonNode findInMap(JsonNode arg, String argPtr) {
        String map = text(at(arg, 0, argPtr), argPtr + "/0").toString();
        String first = text(at(arg, 1, argPtr), argPtr + "/1").toString();
        String second = text(at(arg, 2, argPtr), argPtr + "/2").toString();
        JsonNode value = stack.section("Mappings").path(map).path(first).get(second);
        if (value == null) {
            throw problem(argPtr, "Fn::FindInMap: no " + map + " > " + first + " > " + second + " in Mappings");
        }
        return value;
    }

    private String pointerOfMapping(JsonNode arg, String argPtr) {
        return "/Mappings/" + DefinitionReader.escape(text(arg.get(0), argPtr + "/0").toString()) + "/"
                + DefinitionReader.escape(text(arg.get(1), argPtr + "/1").toString()) + "/"
                + DefinitionReader.escape(text(arg.get(2), argPtr + "/2").toString());
    }

    /** A condition of the template, or null when it depends on a value only known at deploy time. */
    private Boolean condition(String name, String pointer) {
        JsonNode c = stack.section("Conditions").get(name);
        if (c == null) {
            throw problem(pointer, "no condition named \"" + name + "\" in Conditions");
        }
        return bool(c, "/Conditions/" + DefinitionReader.escape(name));
    }

    private Boolean bool(JsonNode node, String pointer) {
        String fn = intrinsic(node);
        if (fn == null && node.has("Condition")) {
            return condition(node.get("Condition").asText(), pointer + "/Condition");
        }
        JsonNode arg = fn == null ? null : node.get(fn);
        String argPtr = pointer + "/" + DefinitionReader.escape(String.valueOf(fn));
        if ("Fn::Equals".equals(fn)) {
            String a = text(at(arg, 0, argPtr), argPtr + "/0").toString();
            String b = text(at(arg, 1, argPtr), argPtr + "/1").toString();
            return a.contains("${Token[") || b.contains("${Token[") ? null : a.equals(b);
        }
        if ("Fn::Not".equals(fn)) {
            Boolean v = bool(at(arg, 0, argPtr), argPtr + "/0");
            return v == null ? null : !v;
        }
        if ("Fn::And".equals(fn) || "Fn::Or".equals(fn)) {
            boolean and = "Fn::And".equals(fn);
            Boolean result = and;
            for (int i = 0; i < arg.size(); i++) {
                Boolean v = bool(arg.get(i), argPtr + "/" + i);
                if (v == null) {
                    result = null;
                } else if (v != and) {
                    return v;
                }
            }
            return result;
        }
        throw problem(pointer, "expected a condition (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition)");
    }

    private SourcedText opaque(String placeholder, String reason, String pointer) {
        resolution.unresolved(new CdkUnresolvedToken(placeholder, reason, where(pointer)));
        return SourcedText.of(placeholder, fixed(pointer));
    }

    private SourcedText.Origin fixed(String pointer) {
        return SourcedText.Origin.fixed(stack.file(), stack.offset(pointer));
    }

    String where(String pointer) {
        return stack.file().describe(stack.offset(pointer));
    }

    CdkLoadException problem(String pointer, String message) {
        return new CdkLoadException(where(pointer) + ": " + message + ".");
    }

    private JsonNode at(JsonNode array, int index, String pointer) {
        if (array == null || !array.isArray() || array.size() <= index) {
            throw problem(pointer, "expected a list with at least " + (index + 1) + " element(s), found "
                    + (array == null ? "nothing" : kind(array)));
        }
        return array.get(index);
    }

    /** The intrinsic function a node is ({@code Ref}, {@code Fn::Join}...), or null. */
    static String intrinsic(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return null;
        }
        String name = node.fieldNames().next();
        return name.equals("Ref") || name.startsWith("Fn::") ? name : null;
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return node.size() == 0 ? "an empty object" : "an object with " + node.fieldNames().next();
        }
        return node.isArray() ? "a list" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static JsonNode jsonArray(String a, String b) {
        return Json.nodes().arrayNode().add(a).add(b);
    }
}
