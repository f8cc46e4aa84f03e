package dev.aslunit.internal.validation;

import dev.aslunit.internal.definition.Placeholder;
import static dev.aslunit.internal.definition.DefinitionReader.escape;
import static dev.aslunit.internal.validation.DiagnosticCode.NO_PATH;
import static dev.aslunit.internal.validation.DiagnosticCode.SCHEMA_VALIDATION_FAILED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.ComparisonOperator;
import dev.aslunit.internal.definition.QueryLanguage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The checks of a Choice state's rules: JSONPath rules with their comparison operators and operands,
 * JSONata conditions, nesting ({@code And}, {@code Or}, {@code Not}) and the rules' transitions.
 */
final class ChoiceChecks {

    private final DefinitionChecks checks;

    ChoiceChecks(DefinitionChecks checks) {
        this.checks = checks;
    }

    void choice(JsonNode s, String p, QueryLanguage ql, DefinitionChecks.Scope scope) {
        checks.required(s, p, "Choices");
        JsonNode choices = s.get("Choices");
        if (choices == null) {
            return;
        }
        if (!choices.isArray() || choices.isEmpty()) {
            checks.wrongType(p + "/Choices", "Choices", "a non-empty array of rules", choices);
            return;
        }
        for (int i = 0; i < choices.size(); i++) {
            String cp = p + "/Choices/" + i;
            JsonNode rule = choices.get(i);
            if (!rule.isObject()) {
                checks.wrongType(cp, "A Choice rule", "an object", rule);
                continue;
            }
            if (!rule.has("Next")) {
                checks.report(SCHEMA_VALIDATION_FAILED, cp, "These fields are required: [Next]; every top-level Choice "
                        + "rule names the state to go to");
            }
            checks.transitionTarget(rule.get("Next"), cp + "/Next", "Next", scope);
            checks.assign(rule.get("Assign"), cp + "/Assign", ql);
            if (ql == QueryLanguage.JSONATA) {
                jsonataRule(rule, cp);
            } else {
                rule(rule, cp, true);
            }
        }
    }

    private void jsonataRule(JsonNode rule, String p) {
        Set<String> allowed = Set.of("Condition", "Next", "Assign", "Output", "Comment");
        checks.unknownFields(rule, p, allowed, "a JSONata Choice rule");
        checks.required(rule, p, "Condition");
        JsonNode condition = rule.get("Condition");
        if (condition != null && !condition.isBoolean() && !ExpressionChecks.isJsonata(condition)) {
            checks.wrongType(p + "/Condition", "Condition", "true, false or a {% %} expression", condition);
        } else if (condition != null) {
            checks.expressions.jsonataTemplate(condition, p + "/Condition");
        }
        JsonNode output = rule.get("Output");
        if (output != null) {
            checks.expressions.jsonataTemplate(output, p + "/Output");
        }
    }

    private void rule(JsonNode rule, String p, boolean top) {
        if (!rule.isObject()) {
            checks.wrongType(p, "A Choice rule", "an object", rule);
            return;
        }
        List<String> operators = new ArrayList<>();
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            String fp = p + "/" + escape(field);
            if (field.equals("And") || field.equals("Or") || field.equals("Not")
                    || ComparisonOperator.fromAsl(field) != null) {
                operators.add(field);
            } else if (field.equals("Next") || field.equals("Assign")) {
                if (!top) {
                    checks.reportField(p, field, "\"" + field + "\" is only allowed in a top-level Choice "
                            + "rule, not inside And, Or or Not");
                }
            } else if (field.equals("Condition")) {
                checks.report(SCHEMA_VALIDATION_FAILED, fp, "\"Condition\" is only supported in JSONata states; use "
                        + "\"Variable\" with a comparison operator, or set \"QueryLanguage\": \"JSONata\"");
            } else if (!field.equals("Variable") && !field.equals("Comment")) {
                List<String> known = new ArrayList<>(List.of("Variable", "And", "Or", "Not", "Next", "Comment"));
                for (ComparisonOperator op : ComparisonOperator.values()) {
                    known.add(op.aslName());
                }
                checks.reportField(p, field, "The field \"" + field + "\" is not supported in a Choice rule"
                        + Suggestions.didYouMean(field, known));
            }
        }
        if (operators.size() != 1) {
            checks.report(SCHEMA_VALIDATION_FAILED, p, operators.isEmpty()
                    ? "A Choice rule needs exactly one comparison operator (such as \"StringEquals\"), or \"And\", "
                            + "\"Or\" or \"Not\""
                    : "A Choice rule has exactly one operator, this one has " + operators.size() + ": " + operators);
        }
        if (operators.isEmpty()) {
            return;
        }
        String op = operators.get(0);
        JsonNode operand = rule.get(op);
        String op0 = p + "/" + op;
        if (op.equals("And") || op.equals("Or")) {
            if (!operand.isArray() || operand.isEmpty()) {
                checks.wrongType(op0, op, "a non-empty array of rules", operand);
            } else {
                for (int i = 0; i < operand.size(); i++) {
                    rule(operand.get(i), op0 + "/" + i, false);
                }
            }
            variableNotAllowed(rule, p, op);
            return;
        }
        if (op.equals("Not")) {
            rule(operand, op0, false);
            variableNotAllowed(rule, p, op);
            return;
        }
        JsonNode variable = rule.get("Variable");
        if (variable == null) {
            checks.report(SCHEMA_VALIDATION_FAILED, p, "These fields are required: [Variable]; \"" + op
                    + "\" compares the value at \"Variable\"");
        } else {
            checks.expressions.path(variable, p + "/Variable", "Variable", false);
        }
        operand(ComparisonOperator.fromAsl(op), operand, op0);
    }

    private void variableNotAllowed(JsonNode rule, String p, String op) {
        if (rule.has("Variable")) {
            checks.report(SCHEMA_VALIDATION_FAILED, p + "/Variable", "\"Variable\" is not used by \"" + op
                    + "\"; put it in the rules inside");
        }
    }

    private void operand(ComparisonOperator op, JsonNode v, String p) {
        String name = op.aslName();
        if (Placeholder.is(v)) {
            return; // left opaque on purpose; the loader reports it unless allowed
        }
        if (op.comparesWithPath()) {
            checks.expressions.path(v, p, name, false);
        } else if (name.startsWith("Is") || name.startsWith("Boolean")) {
            if (!v.isBoolean()) {
                checks.wrongType(p, name, "true or false", v);
            }
        } else if (name.startsWith("Numeric")) {
            if (!v.isNumber()) {
                checks.wrongType(p, name, "a number", v);
            }
        } else if (!v.isTextual()) {
            checks.wrongType(p, name, "a string", v);
        } else if (name.startsWith("Timestamp") && !DefinitionChecks.isTimestamp(v.asText())) {
            checks.report(SCHEMA_VALIDATION_FAILED, p, name + " needs an RFC 3339 timestamp such as "
                    + "\"2026-01-05T09:00:00Z\", not \"" + v.asText() + "\""
                    + (ExpressionChecks.looksLikePath(v.asText()) ? "; to compare with a value in the input use "
                            + name + "Path" : ""));
        } else if (name.startsWith("String") && !name.equals("StringMatches")
                && ExpressionChecks.looksLikePath(v.asText())) {
            checks.report(NO_PATH, p, "\"" + v.asText() + "\" looks like a path but is compared as a literal string, "
                    + "because the operator does not end with 'Path'; did you mean \"" + name + "Path\"?");
        }
    }
}
