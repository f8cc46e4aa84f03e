package dev.aslunit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.definition.ChoiceRule;
import dev.aslunit.definition.ComparisonOperator;
import dev.aslunit.path.PathEvaluationException;
import dev.aslunit.path.ReferencePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * JSONPath Choice rules compiled to {@link ChoiceStep.Condition}s. A comparison holds only when
 * the variable has the operator's type (a string for {@code String*}, a number for
 * {@code Numeric*}, an ISO-8601 string for {@code Timestamp*}, ...); a mismatch is simply false.
 */
final class Conditions {

    private Conditions() {
    }

    static ChoiceStep.Condition compile(Compiler.Context c, ChoiceRule rule) {
        if (rule instanceof ChoiceRule.And) {
            List<ChoiceStep.Condition> parts = parts(c, ((ChoiceRule.And) rule).rules());
            return s -> {
                for (ChoiceStep.Condition p : parts) {
                    if (!p.test(s)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (rule instanceof ChoiceRule.Or) {
            List<ChoiceStep.Condition> parts = parts(c, ((ChoiceRule.Or) rule).rules());
            return s -> {
                for (ChoiceStep.Condition p : parts) {
                    if (p.test(s)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (rule instanceof ChoiceRule.Not) {
            ChoiceStep.Condition inner = compile(c, ((ChoiceRule.Not) rule).rule());
            return s -> !inner.test(s);
        }
        if (rule instanceof ChoiceRule.Comparison) {
            return comparison(c, (ChoiceRule.Comparison) rule);
        }
        c.problem("Condition", "a JSONata Condition in a JSONPath state");
        return s -> false;
    }

    private static List<ChoiceStep.Condition> parts(Compiler.Context c, List<ChoiceRule> rules) {
        List<ChoiceStep.Condition> out = new ArrayList<>();
        for (ChoiceRule r : rules) {
            out.add(compile(c, r));
        }
        return out;
    }

    private static ChoiceStep.Condition comparison(Compiler.Context c, ChoiceRule.Comparison cmp) {
        ReferencePath variable = c.path("Variable", cmp.variable());
        if (variable == null) {
            if (cmp.variable() == null) {
                c.problem("Variable", "a comparison needs a Variable");
            }
            return s -> false;
        }
        ComparisonOperator op = cmp.operator();
        JsonNode operand = cmp.operand();
        if (op.comparesWithPath()) {
            ReferencePath other = c.path(op.aslName(), operand.asText());
            if (other == null) {
                return s -> false;
            }
            return s -> {
                JsonNode v = find(s, variable);
                JsonNode o = read(s, other);
                return v != null && test(op, v, o);
            };
        }
        switch (op) {
            case IS_PRESENT:
                boolean present = operand.asBoolean();
                return s -> (find(s, variable) != null) == present;
            case IS_NULL:
            case IS_NUMERIC:
            case IS_STRING:
            case IS_BOOLEAN:
            case IS_TIMESTAMP:
                boolean expected = operand.asBoolean();
                return s -> {
                    JsonNode v = find(s, variable);
                    return v != null && is(op, v) == expected;
                };
            default:
                return s -> {
                    JsonNode v = find(s, variable);
                    return v != null && test(op, v, operand);
                };
        }
    }

    private static boolean is(ComparisonOperator op, JsonNode v) {
        switch (op) {
            case IS_NULL:
                return v.isNull();
            case IS_NUMERIC:
                return v.isNumber();
            case IS_STRING:
                return v.isTextual();
            case IS_BOOLEAN:
                return v.isBoolean();
            default:
                return v.isTextual() && WaitStep.parseTimestamp(v.asText()) != null;
        }
    }

    private static boolean test(ComparisonOperator op, JsonNode v, JsonNode o) {
        String name = op.aslName();
        if (name.startsWith("String")) {
            if (!v.isTextual() || !o.isTextual()) {
                return false;
            }
            if (op == ComparisonOperator.STRING_MATCHES) {
                return matches(v.asText(), o.asText());
            }
            return holds(name, v.asText().compareTo(o.asText()));
        }
        if (name.startsWith("Numeric")) {
            return v.isNumber() && o.isNumber() && holds(name, v.decimalValue().compareTo(o.decimalValue()));
        }
        if (name.startsWith("Boolean")) {
            return v.isBoolean() && o.isBoolean() && v.booleanValue() == o.booleanValue();
        }
        Instant a = v.isTextual() ? WaitStep.parseTimestamp(v.asText()) : null;
        Instant b = o.isTextual() ? WaitStep.parseTimestamp(o.asText()) : null;
        return a != null && b != null && holds(name, a.compareTo(b));
    }

    private static boolean holds(String operator, int comparison) {
        String relation = operator.replaceFirst("^(String|Numeric|Timestamp)", "").replace("Path", "");
        switch (relation) {
            case "Equals":
                return comparison == 0;
            case "LessThan":
                return comparison < 0;
            case "GreaterThan":
                return comparison > 0;
            case "LessThanEquals":
                return comparison <= 0;
            default:
                return comparison >= 0;
        }
    }

    /** {@code StringMatches}: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
    static boolean matches(String text, String pattern) {
        return matchFrom(text, 0, pattern, 0);
    }

    private static boolean matchFrom(String t, int ti, String p, int pi) {
        while (pi < p.length()) {
            char ch = p.charAt(pi);
            if (ch == '*') {
                for (int k = ti; k <= t.length(); k++) {
                    if (matchFrom(t, k, p, pi + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (ch == '\\' && pi + 1 < p.length()) {
                pi++;
                ch = p.charAt(pi);
            }
            if (ti >= t.length() || t.charAt(ti) != ch) {
                return false;
            }
            ti++;
            pi++;
        }
        return ti == t.length();
    }

    private static JsonNode find(Scope s, ReferencePath p) {
        try {
            return p.find(s);
        } catch (PathEvaluationException e) {
            throw PathFlow.failure(s, e);
        }
    }

    private static JsonNode read(Scope s, ReferencePath p) {
        try {
            return p.read(s);
        } catch (PathEvaluationException e) {
            throw PathFlow.failure(s, e);
        }
    }
}
