package dev.aslunit.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector},
 * JSONPath {@code Assign}): a field whose name ends in {@code .$} takes the value of its path or
 * intrinsic function call and loses the suffix, at any depth of objects and arrays; everything
 * else is copied as written. Parts of the template without {@code .$} fields are shared by every
 * result, never copied.
 */
public final class PayloadTemplate {

    private final Part root;

    private PayloadTemplate(Part root) {
        this.root = root;
    }

    /** @throws PathSyntaxException naming the field whose path or intrinsic call is invalid */
    public static PayloadTemplate compile(JsonNode template) {
        return new PayloadTemplate(compilePart(template));
    }

    /**
     * @throws PathEvaluationException {@code States.Runtime} with AWS's cause
     *         {@code The JSONPath '$.x' specified for the field 'x.$' could not be found in the input '{...}'}
     *         when a path selects nothing, or the failure of an intrinsic function
     */
    public JsonNode evaluate(PathScope scope) {
        return root.evaluate(scope);
    }

    private static Part compilePart(JsonNode template) {
        if (template.isObject()) {
            return compileObject(template);
        }
        if (template.isArray()) {
            List<Part> elements = new ArrayList<>();
            boolean dynamic = false;
            for (JsonNode element : template) {
                Part part = compilePart(element);
                dynamic |= !(part instanceof Literal);
                elements.add(part);
            }
            return dynamic ? new ArrayPart(elements.toArray(new Part[0])) : new Literal(template);
        }
        return new Literal(template);
    }

    private static Part compileObject(JsonNode template) {
        List<String> names = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        boolean dynamic = false;
        for (Map.Entry<String, JsonNode> field : template.properties()) {
            String name = field.getKey();
            Part part;
            if (name.endsWith(".$")) {
                part = new Dynamic(name, Expression.compileField(name, field.getValue()));
                name = name.substring(0, name.length() - 2);
            } else {
                part = compilePart(field.getValue());
            }
            dynamic |= !(part instanceof Literal);
            names.add(name);
            parts.add(part);
        }
        return dynamic
                ? new ObjectPart(names.toArray(new String[0]), parts.toArray(new Part[0]))
                : new Literal(template);
    }

    private interface Part {
        JsonNode evaluate(PathScope scope);
    }

    private static final class Literal implements Part {
        private final JsonNode value;

        Literal(JsonNode value) {
            this.value = value;
        }

        @Override
        public JsonNode evaluate(PathScope scope) {
            return value;
        }
    }

    private static final class ObjectPart implements Part {
        private final String[] names;
        private final Part[] parts;

        ObjectPart(String[] names, Part[] parts) {
            this.names = names;
            this.parts = parts;
        }

        @Override
        public JsonNode evaluate(PathScope scope) {
            ObjectNode result = Nodes.FACTORY.objectNode();
            for (int i = 0; i < names.length; i++) {
                result.set(names[i], parts[i].evaluate(scope));
            }
            return result;
        }
    }

    private static final class ArrayPart implements Part {
        private final Part[] elements;

        ArrayPart(Part[] elements) {
            this.elements = elements;
        }

        @Override
        public JsonNode evaluate(PathScope scope) {
            ArrayNode result = Nodes.FACTORY.arrayNode(elements.length);
            for (Part element : elements) {
                result.add(element.evaluate(scope));
            }
            return result;
        }
    }

    private static final class Dynamic implements Part {
        private final String field;
        private final Expression expression;

        Dynamic(String field, Expression expression) {
            this.field = field;
            this.expression = expression;
        }

        @Override
        public JsonNode evaluate(PathScope scope) {
            return expression.evaluateField(field, scope);
        }
    }
}
