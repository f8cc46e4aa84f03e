package dev.aslunit.internal.validation;

import dev.aslunit.internal.json.Json;
import static dev.aslunit.internal.definition.DefinitionReader.escape;
import static dev.aslunit.internal.validation.DiagnosticCode.NO_DOLLAR;
import static dev.aslunit.internal.validation.DiagnosticCode.SCHEMA_VALIDATION_FAILED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.path.PathSyntaxException;
import dev.aslunit.internal.path.ReferencePath;
import dev.aslunit.internal.path.ResultPath;
import dev.aslunit.internal.path.ValueExpression;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks the expressions of a definition where they are written: JSONPath paths, payload templates
 * ({@code "key.$"} fields) and intrinsic functions, with the compilers the engine uses, so what
 * passes here compiles there; and the shape of JSONata {@code {% ... %}} strings.
 */
final class ExpressionChecks {

    /** Where diagnostics go: (code, AWS's pointer, the pointer of the text it is about, message). */
    interface Sink {
        void report(DiagnosticCode code, String pointer, String at, String message);

        default void report(DiagnosticCode code, String pointer, String message) {
            report(code, pointer, pointer, message);
        }
    }

    private final Sink sink;

    ExpressionChecks(Sink sink) {
        this.sink = sink;
    }

    static boolean isJsonata(JsonNode v) {
        return v.isTextual() && v.asText().startsWith("{%");
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
                    + Json.describe(v));
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

    /**
     * A {@code .$} value outside a payload template (Credentials' {@code RoleArn.$}), ErrorPath or
     * CausePath: a path or an intrinsic function call, located at the field.
     */
    void pathOrIntrinsic(JsonNode v, String p, String field) {
        pathOrIntrinsic(v, p, field, p);
    }

    /**
     * @param template where AWS locates the problem: the payload template holding the field (AWS answers
     *     "The value for the field 'outputPath.$' must be a valid JSONPath or a valid intrinsic function
     *     call at /States/TestTask/Parameters", serverless-step-functions#399), else the field itself
     */
    private void pathOrIntrinsic(JsonNode v, String p, String field, String template) {
        if (!v.isTextual()) {
            sink.report(SCHEMA_VALIDATION_FAILED, template, p, "The value of \"" + field + "\" must be a path or an "
                    + "intrinsic function string, not " + Json.describe(v));
            return;
        }
        String text = v.asText();
        if (!text.startsWith("$") && !text.startsWith("States.")) {
            sink.report(SCHEMA_VALIDATION_FAILED, template, p, "The value of \"" + field + "\" must be a JSONPath "
                    + "starting with \"$\" or an intrinsic function such as States.Format(...), not \"" + text + "\"");
            return;
        }
        try {
            ValueExpression.compile(text);
        } catch (PathSyntaxException e) {
            sink.report(SCHEMA_VALIDATION_FAILED, template, p, "Invalid \"" + field + "\": " + e.getMessage());
        }
    }

    /** Parameters, ResultSelector, ItemSelector, JSONPath Assign: {@code "key.$"} fields are evaluated. */
    void payloadTemplate(JsonNode node, String p) {
        payloadTemplate(node, p, p);
    }

    private void payloadTemplate(JsonNode node, String p, String template) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                String fp = p + "/" + escape(key);
                JsonNode v = e.getValue();
                if (key.endsWith(".$")) {
                    pathOrIntrinsic(v, fp, key, template);
                } else if (v.isTextual() && (looksLikePath(v.asText()) || looksLikeIntrinsic(v.asText()))) {
                    sink.report(NO_DOLLAR, fp, "The value of \"" + key + "\" looks like "
                            + (looksLikePath(v.asText()) ? "a JSONPath" : "an intrinsic function")
                            + " but is passed on as a literal string; rename the field to \"" + key
                            + ".$\" to evaluate it");
                } else {
                    payloadTemplate(v, fp, template);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                payloadTemplate(node.get(i), p + "/" + i, template);
            }
        }
    }

    /**
     * Any JSONata field: every string that starts with {@code {%} is an expression, and must end
     * with {@code %}}. Parsing and AWS's rules for what an expression may reference are
     * {@link dev.aslunit.internal.jsonata.JsonataChecker}'s.
     */
    void jsonataTemplate(JsonNode node, String p) {
        if (node.isTextual()) {
            String text = node.asText();
            if (text.startsWith("{%") && !text.endsWith("%}")) {
                sink.report(SCHEMA_VALIDATION_FAILED, p, "A JSONata expression must be written as \"{% ... %}\"; "
                        + "this one does not end with \"%}\"");
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
}
