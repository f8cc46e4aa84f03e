package dev.aslunit.internal.jsonata;

import com.dashjoin.jsonata.Parser;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The references an expression makes to JSONata's context item where that item is the top-level
 * input: in Step Functions there is none (the input is {@code $states.input}), and AWS refuses the
 * definition ({@code Reference to 'phone' at the top level is not supported.}).
 *
 * <p>Only the first step of a path is read against the context it stands in; later steps,
 * predicates, sort terms and grouping expressions read what the step before them produced, so names
 * there are legal. Function arguments, operands, array and object constructors, blocks, conditions,
 * bindings and lambda bodies keep the context of the expression around them.
 *
 * <p>jsonata-java keeps its syntax tree's fields package-private, so the tree is read reflectively;
 * this runs once per expression when a definition is validated, never while an execution runs.
 */
final class TopLevelReferences {

    private static final Field TYPE = field("type");
    private static final Field VALUE = field("value");
    private static final Field STEPS = field("steps");
    private static final Field LHS = field("lhs");
    private static final Field RHS = field("rhs");
    private static final Field EXPRESSION = field("expression");
    private static final Field EXPRESSIONS = field("expressions");
    private static final Field PROCEDURE = field("procedure");
    private static final Field ARGUMENTS = field("arguments");
    private static final Field BODY = field("body");
    private static final Field CONDITION = field("condition");
    private static final Field THEN = field("then");
    private static final Field ELSE = field("_else");

    private TopLevelReferences() {
    }

    private static Field field(String name) {
        try {
            Field f = Parser.Symbol.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("jsonata-java's syntax tree has no field '" + name
                    + "'; TopLevelReferences follows com.dashjoin:jsonata 0.9.9", e);
        }
    }

    /**
     * The field names read from the top-level context, in order, and {@code "$"} where the context
     * item itself is read there.
     *
     * @param text an expression that parses
     */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        walk(new Parser().parse(text), true, out);
        return out;
    }

    private static void walk(Object node, boolean top, List<String> out) {
        if (!(node instanceof Parser.Symbol)) {
            return;
        }
        Parser.Symbol s = (Parser.Symbol) node;
        String type = String.valueOf(get(s, TYPE));
        switch (type) {
            case "path": {
                List<?> steps = (List<?>) get(s, STEPS);
                if (steps != null && !steps.isEmpty()) {
                    Object first = steps.get(0);
                    if (top && first instanceof Parser.Symbol && "name".equals(get((Parser.Symbol) first, TYPE))) {
                        out.add(String.valueOf(get((Parser.Symbol) first, VALUE)));
                    } else {
                        walk(first, top, out);
                    }
                }
                break;
            }
            case "name":
                if (top) {
                    out.add(String.valueOf(get(s, VALUE)));
                }
                break;
            case "variable":
                if (top && "".equals(get(s, VALUE))) {
                    out.add("$");
                }
                break;
            case "binary":
            case "apply":
            case "bind":
                walk(get(s, LHS), top, out);
                walk(get(s, RHS), top, out);
                break;
            case "unary":
                if ("{".equals(String.valueOf(get(s, VALUE)))) {
                    if (s.lhsObject != null) {
                        for (Parser.Symbol[] pair : s.lhsObject) {
                            walk(pair[0], top, out);
                            walk(pair[1], top, out);
                        }
                    }
                } else {
                    walkAll(get(s, EXPRESSIONS), top, out);
                    walk(get(s, EXPRESSION), top, out);
                }
                break;
            case "function":
            case "partial":
                walk(get(s, PROCEDURE), top, out);
                walkAll(get(s, ARGUMENTS), top, out);
                break;
            case "lambda":
                walk(get(s, BODY), top, out);
                break;
            case "condition":
                walk(get(s, CONDITION), top, out);
                walk(get(s, THEN), top, out);
                walk(get(s, ELSE), top, out);
                break;
            case "block":
                walkAll(get(s, EXPRESSIONS), top, out);
                break;
            default:
                break;
        }
    }

    private static void walkAll(Object list, boolean top, List<String> out) {
        if (list instanceof List) {
            for (Object o : (List<?>) list) {
                walk(o, top, out);
            }
        }
    }

    private static Object get(Parser.Symbol s, Field f) {
        try {
            return f.get(s);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
