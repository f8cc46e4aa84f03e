package dev.aslunit.validation;

import static dev.aslunit.validation.DiagnosticCode.NO_DOLLAR;
import static dev.aslunit.validation.DiagnosticCode.SCHEMA_VALIDATION_FAILED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.definition.DefinitionReader;
import dev.aslunit.jsonata.JsonataSyntaxException;
import dev.aslunit.jsonata.JsonataTemplate;
import dev.aslunit.jsonata.VariableNames;
import dev.aslunit.path.PathSyntaxException;
import dev.aslunit.path.ReferencePath;
import dev.aslunit.path.ResultPath;
import dev.aslunit.path.ValueExpression;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks the expressions of a definition where they are written: JSONPath paths, payload templates
 * ({@code "key.$"} fields), intrinsic functions and JSONata {@code {% ... %}} strings, with the
 * compilers the engine uses, so what passes here compiles there.
 */
final class ExpressionChecks {

    /** Where diagnostics go: (code, pointer, message). */
    interface Sink {
        void report(DiagnosticCode code, String pointer, String message);
    }

    private final Sink sink;

    ExpressionChecks(Sink sink) {
        this.sink = sink;
    }

    static boolean isJsonata(JsonNode v) {
        return v.isTextual() && v.asText().startsWith("{%");
    }

    /** A whole string that is one {@code ${Name}} substitution left in place. */
    static boolean isPlaceholder(JsonNode v) {
        return v.isTextual() && v.asText().matches("\\$\\{[^}]+}");
    }

    static boolean looksLikePath(String s) {
        return s.equals("$") || s.startsWith("$.") || s.startsWith("$[") || s.startsWith("$$");
    }

    static boolean looksLikeIntrinsic(String s) {
        return s.startsWith("States.") && s.indexOf('(') > 0 && s.endsWith(")");
    }

    /** A JSONPath path field; {@code reference} for fields that name one place (ResultPath). */
    void path(JsonNode v, String p, String field, boolean reference) {
        if (!v.isTextual()) {
            sink.report(SCHEMA_VALIDATION_FAILED, p, field + " must be a path string starting with \"$\", not "
                    + DefinitionChecks.kind(v));
            return;
        }
        String path = v.asText();
        if (!path.startsWith("$")) {
            sink.report(SCHEMA_VALIDATION_FAILED, p, "The value of " + field + " must be a JSONPath starting with "
                    + "\"$\", not \"" + path + "\"");
            return;
        }
        try {
            if (reference) {
                ResultPath.compile(path);
            } else {
                ReferencePath.compile(path);
            }
        } catch (PathSyntaxException e) {
            sink.report(SCHEMA_VALIDATION_FAILED, p, "Invalid " + field + ": " + e.getMessage());
        }
    }

    /** A {@code .$} value, ErrorPath or CausePath: a path or an intrinsic function call. */
    void pathOrIntrinsic(JsonNode v, String p, String field) {
        if (!v.isTextual()) {
            sink.report(SCHEMA_VALIDATION_FAILED, p, "The value of \"" + field + "\" must be a path or an intrinsic "
                    + "function string, not " + DefinitionChecks.kind(v));
            return;
        }
        String text = v.asText();
        if (!text.startsWith("$") && !text.startsWith("States.")) {
            sink.report(SCHEMA_VALIDATION_FAILED, p, "The value of \"" + field + "\" must be a JSONPath starting with "
                    + "\"$\" or an intrinsic function such as States.Format(...), not \"" + text + "\"");
            return;
        }
        try {
            ValueExpression.compile(text);
        } catch (PathSyntaxException e) {
            sink.report(SCHEMA_VALIDATION_FAILED, p, "Invalid \"" + field + "\": " + e.getMessage());
        }
    }

    /** The names an {@code Assign} gives its variables, as AWS allows them. */
    void variableNames(JsonNode assign, String p, boolean jsonPath) {
        assign.fieldNames().forEachRemaining(key -> {
            String problem = VariableNames.problem(VariableNames.variableName(key, jsonPath));
            if (problem != null) {
                sink.report(SCHEMA_VALIDATION_FAILED, p + "/" + escape(key), "Invalid variable name \"" + key + "\": "
                        + problem);
            }
        });
    }

    /** Parameters, ResultSelector, ItemSelector, JSONPath Assign: {@code "key.$"} fields are evaluated. */
    void payloadTemplate(JsonNode node, String p) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                String fp = p + "/" + escape(key);
                JsonNode v = e.getValue();
                if (key.endsWith(".$")) {
                    pathOrIntrinsic(v, fp, key);
                } else if (v.isTextual() && (looksLikePath(v.asText()) || looksLikeIntrinsic(v.asText()))) {
                    sink.report(NO_DOLLAR, fp, "The value of \"" + key + "\" looks like "
                            + (looksLikePath(v.asText()) ? "a JSONPath" : "an intrinsic function")
                            + " but is passed on as a literal string; rename the field to \"" + key
                            + ".$\" to evaluate it");
                } else {
                    payloadTemplate(v, fp);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                payloadTemplate(node.get(i), p + "/" + i);
            }
        }
    }

    /** Any JSONata field: every string that starts with {@code {%} is an expression. */
    void jsonataTemplate(JsonNode node, String p) {
        if (node.isTextual()) {
            String text = node.asText();
            if (text.startsWith("{%") && !text.endsWith("%}")) {
                sink.report(SCHEMA_VALIDATION_FAILED, p, "A JSONata expression must be written as \"{% ... %}\"; "
                        + "this one does not end with \"%}\"");
            } else if (JsonataTemplate.isExpression(text)) {
                try {
                    JsonataTemplate.compile(node, fieldOfState(p));
                } catch (JsonataSyntaxException e) {
                    sink.report(SCHEMA_VALIDATION_FAILED, p, e.getMessage());
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                jsonataTemplate(e.getValue(), p + "/" + escape(e.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                jsonataTemplate(node.get(i), p + "/" + i);
            }
        }
    }

    /** {@code /States/S/Output/total} is the field {@code Output/total} of its state, as AWS names it. */
    private static String fieldOfState(String pointer) {
        int states = pointer.lastIndexOf("/States/");
        if (states < 0) {
            return pointer;
        }
        int field = pointer.indexOf('/', states + "/States/".length());
        return field < 0 ? "" : pointer.substring(field + 1);
    }

    private static String escape(String token) {
        return DefinitionReader.escape(token);
    }
}
