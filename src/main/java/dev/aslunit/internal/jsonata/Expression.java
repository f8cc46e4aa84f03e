package dev.aslunit.internal.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Parser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One {@code {% ... %}} expression, parsed once. Evaluation binds {@code $states} and the workflow
 * variables the text names (nothing else is looked up, so a large variable that the expression does
 * not mention costs nothing) and runs under bounds: evaluation nests at most {@value #MAX_DEPTH}
 * levels, AWS's bound, and an expression that has evaluated {@value #MAX_STEPS} nodes is stopped as
 * a runaway (a tail-recursive loop never nests, so only a budget ends it). jsonata-java's own
 * {@code Timebox} does both with a wall clock; counting steps keeps evaluation deterministic.
 *
 * <p>jsonata-java post-processes a result in place (it walks it to turn its internal null marker
 * into Java null), which would walk, and try to write to, the read-only views of the input that
 * {@link JsonValues} hands it. So the expression is compiled inside a call of a capture function,
 * {@code $__aslunitResult((expr))}: the function receives the raw value, and the top-level result is
 * undefined, which jsonata leaves alone.
 */
final class Expression {

    /** AWS's nesting bound (measured: {@code 1+1+...+1} fails from 101 terms on). */
    static final int MAX_DEPTH = 100;

    /**
     * How many expression nodes one evaluation may evaluate: a few seconds of work, far beyond what a
     * payload AWS accepts needs, and the end of an expression that never ends.
     */
    static final long MAX_STEPS = 10_000_000;

    private static final String MARK_1 = "\u0001current\u0001";
    private static final String MARK_2 = "\u0001expected\u0001";

    private static final String NULL_ARGUMENT = "Argument error calling function ";

    /** Messages jsonata-java raises without the code jsonata-js gives them. */
    private static final Map<String, String> UNCODED = Map.of(
            "Second argument of replace function cannot be an empty string", "D3010",
            "Fourth argument of replace function must evaluate to a positive number", "D3011");

    /** jsonata-js's names of a typed array's element types, by signature letter. */
    private static final Map<String, String> ARRAY_TYPES = Map.of("a", "arrays", "b", "booleans", "f", "functions",
            "n", "numbers", "o", "objects", "s", "strings");

    final String text;
    final String location;
    private final Jsonata compiled;
    private final String[] variables;

    private Expression(String text, String location, Jsonata compiled, String[] variables) {
        this.text = text;
        this.location = location;
        this.compiled = compiled;
        this.variables = variables;
    }

    /**
     * @param text the expression between {@code {%} and {@code %}}, already trimmed
     * @throws JsonataSyntaxException when it does not parse
     */
    static Expression compile(String text, String location) {
        try {
            Jsonata.jsonata(text);
        } catch (JException e) {
            throw new JsonataSyntaxException(text, location, render(e).message, e.getLocation());
        }
        Jsonata wrapped = Jsonata.jsonata(wrapped(text));
        wrapped.setValidateInput(false);
        AwsFunctions.register(wrapped);
        JsLibraryFunctions.register(wrapped);
        // jsonata-java 0.9.9 makes the instance built last on a thread that thread's evaluation
        // context, and evaluating that very instance then stacks one more frame per call (it writes
        // its own environment field), until a lookup overflows the stack. Building a throwaway
        // instance last keeps every compiled expression out of that role.
        Jsonata.jsonata("0");
        Set<String> names = new LinkedHashSet<>(ExpressionReferences.of(text).names);
        names.remove(VariableNames.RESERVED);
        return new Expression(text, location, wrapped, names.toArray(new String[0]));
    }

    /** The value as a node, never {@code null}: undefined and non-JSON results fail as on AWS. */
    JsonNode evaluate(JsonataScope scope) {
        Object raw = evaluateRaw(scope);
        if (raw == null) {
            throw QueryEvaluationException.undefined(text, location);
        }
        try {
            return JsonValues.toJson(raw);
        } catch (JsonValues.UnsupportedResultException e) {
            throw QueryEvaluationException.unsupportedType(text, location);
        }
    }

    private Object evaluateRaw(JsonataScope scope) {
        Jsonata.Frame frame = compiled.createFrame();
        Bounds bounds = new Bounds();
        frame.setEvaluateEntryCallback(bounds);
        frame.setEvaluateExitCallback(bounds);
        frame.bind("states", JsonValues.toJsonata(scope.states()));
        for (String name : variables) {
            JsonNode value = scope.variable(name);
            if (value != null) {
                frame.bind(name, JsonValues.toJsonata(value));
            }
        }
        AwsFunctions.Evaluation previous = AwsFunctions.CURRENT.get();
        AwsFunctions.Evaluation evaluation = new AwsFunctions.Evaluation(scope);
        AwsFunctions.CURRENT.set(evaluation);
        try {
            compiled.evaluate(null, frame);
            return evaluation.result;
        } catch (JException e) {
            Rendered r = "T0412".equals(e.getError()) ? arrayArgument(e, wrapped(text)) : render(e);
            throw QueryEvaluationException.threw(text, location, r.coded ? r.code + ": " + r.message : r.message,
                    r.coded);
        } catch (StackOverflowError e) {
            throw QueryEvaluationException.threw(text, location, "Stack overflow error: Check for non-terminating"
                    + " recursive function. Consider rewriting as tail-recursive.", false);
        } catch (OutOfMemoryError e) {
            throw QueryEvaluationException.threw(text, location, AwsFunctions.MEMORY_LIMIT, false);
        } catch (RuntimeException e) {
            String function = nullArgumentOf(e);
            if (function != null) {
                throw QueryEvaluationException.threw(text, location, "T0410: Argument 1 of function \"" + function
                        + "\" does not match function signature", true);
            }
            throw new QueryEvaluationException(location, "The JSONata expression '" + text
                    + "' specified for the field '" + location + "' threw an internal error during evaluation.");
        } finally {
            if (previous == null) {
                AwsFunctions.CURRENT.remove();
            } else {
                AwsFunctions.CURRENT.set(previous);
            }
        }
    }

    /**
     * Counts nesting and steps as jsonata-java's {@code Timebox} counts nesting (a parallel call of a
     * grouping expression does not nest), and fails with the messages it has.
     */
    private static final class Bounds implements Jsonata.EntryCallback, Jsonata.ExitCallback {
        private int depth;
        private long steps;

        @Override
        public void callback(Parser.Symbol expr, Object input, Jsonata.Frame environment) {
            if (environment.isParallelCall) {
                return;
            }
            if (++depth > MAX_DEPTH) {
                throw new JException("Stack overflow error: Check for non-terminating recursive function.  Consider"
                        + " rewriting as tail-recursive. Depth=" + depth + " max=" + MAX_DEPTH, -1);
            }
            if (++steps > MAX_STEPS) {
                throw new JException("Expression evaluation timeout: Check for infinite loop", -1);
            }
        }

        @Override
        public void callback(Parser.Symbol expr, Object input, Jsonata.Frame environment, Object result) {
            if (!environment.isParallelCall) {
                depth--;
            }
        }
    }

    /**
     * The library function a JSON null was passed to where it takes a string, a number or a function:
     * jsonata-java's signature check lets null through, and calling the Java method then fails with
     * {@code Argument error calling function <method>}; jsonata-js refuses it in the signature check
     * ({@code T0410}). {@code null} for any other failure.
     */
    static String nullArgumentOf(RuntimeException e) {
        Throwable cause = e.getCause();
        String message = cause == null ? null : cause.getMessage();
        if (message == null || !message.startsWith(NULL_ARGUMENT)) {
            return null;
        }
        String method = message.substring(NULL_ARGUMENT.length());
        return switch (method) {
            case "dateTimeFromMillis" -> "fromMillis";
            case "dateTimeToMillis" -> "toMillis";
            default -> method;
        };
    }

    /** The text compiled: the expression inside a call of the capture function. */
    private static String wrapped(String text) {
        return "$" + AwsFunctions.CAPTURE + "((" + text + "\n))";
    }

    /**
     * T0412 as jsonata-js words it, {@code Argument 1 of function "join" must be an array of "strings"}.
     * jsonata-java's exception holds the argument's value and the element type's signature letter, not
     * the function or the argument's position: the function is the name called at the error's position
     * in {@code source}, and the position is 1, the typed array of every library function that has one
     * ({@code $join}, {@code $sum}, {@code $max}, {@code $min}, {@code $average}, {@code $merge}).
     */
    static Rendered arrayArgument(JException e, String source) {
        String type = ARRAY_TYPES.get(String.valueOf(e.getExpected()));
        String function = functionCalledAt(source, e.getLocation());
        if (type == null || function == null) {
            return render(e);
        }
        return new Rendered("T0412", "Argument 1 of function " + json(function) + " must be an array of "
                + json(type), true);
    }

    /** The name of the function whose call's opening parenthesis ends just before {@code position}. */
    private static String functionCalledAt(String source, int position) {
        int i = Math.min(position, source.length()) - 1;
        while (i >= 0 && Character.isWhitespace(source.charAt(i))) {
            i--;
        }
        if (i < 0 || source.charAt(i) != '(') {
            return null;
        }
        int end = i--;
        while (i >= 0 && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
            i--;
        }
        return i >= 0 && source.charAt(i) == '$' && i + 1 < end ? source.substring(i + 1, end) : null;
    }

    /** A JSONata error as jsonata-js words it: {@code code} and {@code message}, or an uncoded message. */
    record Rendered(String code, String message, boolean coded) {
    }

    /**
     * jsonata-java's catalog says "Object" where jsonata-js says "function" and quotes every inserted
     * value where jsonata-js writes it as JSON (a number unquoted); the message is rebuilt from the
     * catalog template with the values written the jsonata-js way. An error outside the catalog (the
     * evaluation bounds, a few library messages) carries its whole text in place of a code.
     */
    static Rendered render(JException e) {
        String code = e.getError();
        if (code == null) {
            return new Rendered(null, String.valueOf(e.getMessage()), false);
        }
        String template = JException.msg(code, -1, MARK_1, MARK_2);
        if (template.startsWith("JSonataException ")) {
            String coded = UNCODED.get(code);
            if (coded != null) {
                return new Rendered(coded, code, true);
            }
            // jsonata-java writes two spaces after a full stop in its own messages; AWS has one.
            return new Rendered(null, code.replace(".  ", ". "), false);
        }
        if (template.equals(MARK_1)) {
            return new Rendered(code, String.valueOf(e.getCurrent()), true);
        }
        String message = template.replace("Object", "function")
                // jsonata-js writes a function's name bare after "$" ({{{functionName}}}), D3140.
                .replace("${\"" + MARK_1 + "\"}", "$" + e.getCurrent())
                .replace('"' + MARK_1 + '"', json(e.getCurrent()))
                .replace('"' + MARK_2 + '"', json(e.getExpected()));
        return new Rendered(code, message, true);
    }

    private static String json(Object value) {
        try {
            JsonNode node = JsonValues.toJson(value);
            return node == null ? "undefined" : node.toString();
        } catch (JsonValues.UnsupportedResultException e) {
            // A parser token or a function: jsonata-js writes its text as a JSON string.
            return TextNode.valueOf(String.valueOf(value)).toString();
        }
    }
}
