package dev.aslunit.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.ChoiceRule;
import dev.aslunit.internal.definition.ComparisonOperator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A compiled JSONPath Choice rule: a comparison of a {@code Variable} with a literal or, for the
 * {@code *Path} operators, with the value of another path, or an {@code And}/{@code Or}/{@code Not}
 * of rules. As on AWS, a value of the wrong type makes a comparison false rather than failing, and
 * numbers compare by value ({@code 1} equals {@code 1.0}).
 */
public final class ChoiceRuleEvaluator {

    private final Rule rule;

    private ChoiceRuleEvaluator(Rule rule) {
        this.rule = rule;
    }

    /**
     * @throws PathSyntaxException naming the rule's location when a path or literal is invalid, or
     *         when the rule is a JSONata {@code Condition} (those belong to the JSONata evaluator)
     */
    public static ChoiceRuleEvaluator compile(ChoiceRule rule) {
        return new ChoiceRuleEvaluator(compileRule(rule));
    }

    /**
     * @throws PathEvaluationException {@code States.Runtime} with AWS's cause
     *         {@code Invalid path '$.x': The choice state's condition path references an invalid value.}
     *         when the {@code Variable} (of any operator but {@code IsPresent}) or a {@code *Path}
     *         operand selects nothing
     */
    public boolean test(PathScope scope) {
        return rule.test(scope);
    }

    private interface Rule {
        boolean test(PathScope scope);
    }

    private static Rule compileRule(ChoiceRule rule) {
        if (rule instanceof ChoiceRule.Comparison) {
            return compileComparison((ChoiceRule.Comparison) rule);
        }
        if (rule instanceof ChoiceRule.And) {
            Rule[] rules = compileAll(((ChoiceRule.And) rule).rules());
            return scope -> {
                for (Rule r : rules) {
                    if (!r.test(scope)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (rule instanceof ChoiceRule.Or) {
            Rule[] rules = compileAll(((ChoiceRule.Or) rule).rules());
            return scope -> {
                for (Rule r : rules) {
                    if (r.test(scope)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (rule instanceof ChoiceRule.Not) {
            Rule negated = compileRule(((ChoiceRule.Not) rule).rule());
            return scope -> !negated.test(scope);
        }
        throw new PathSyntaxException("A Condition is a JSONata Choice rule and cannot be evaluated as JSONPath "
                + at(rule));
    }

    private static Rule[] compileAll(List<ChoiceRule> rules) {
        return rules.stream().map(ChoiceRuleEvaluator::compileRule).toArray(Rule[]::new);
    }

    private static Rule compileComparison(ChoiceRule.Comparison comparison) {
        ComparisonOperator operator = comparison.operator();
        CompiledPath variable = compilePath(comparison.variable(), "Variable", comparison);
        JsonNode operand = comparison.operand();
        Operation operation = Operation.of(operator);
        if (operation.family == Family.TYPE) {
            if (operand == null || !operand.isBoolean()) {
                throw invalidOperand(comparison, "true or false");
            }
            boolean expected = operand.booleanValue();
            if (operator == ComparisonOperator.IS_PRESENT) {
                return scope -> (variable.find(scope) != null) == expected;
            }
            Function<JsonNode, Boolean> typeTest = typeTest(operator);
            return scope -> typeTest.apply(read(variable, scope)) == expected;
        }
        if (operator.comparesWithPath()) {
            if (operand == null || !operand.isTextual()) {
                throw invalidOperand(comparison, "a path");
            }
            CompiledPath other = compilePath(operand.textValue(), operator.aslName(), comparison);
            return scope -> operation.holdsAgainst(read(variable, scope), read(other, scope));
        }
        Object key = operand == null ? null : operation.family.key(operand);
        if (key == null) {
            throw invalidOperand(comparison, operation.family.description);
        }
        if (operation.family == Family.MATCHES) {
            Pattern pattern = wildcardPattern(operand.textValue());
            return scope -> {
                JsonNode value = read(variable, scope);
                return value.isTextual() && pattern.matcher(value.textValue()).matches();
            };
        }
        return scope -> operation.holds(read(variable, scope), key);
    }

    private static JsonNode read(CompiledPath path, PathScope scope) {
        JsonNode value = path.find(scope);
        if (value == null) {
            throw new PathEvaluationException(PathEvaluationException.RUNTIME, "Invalid path '" + path.text()
                    + "': The choice state's condition path references an invalid value.");
        }
        return value;
    }

    private static Function<JsonNode, Boolean> typeTest(ComparisonOperator operator) {
        switch (operator) {
            case IS_NULL:
                return JsonNode::isNull;
            case IS_NUMERIC:
                return JsonNode::isNumber;
            case IS_STRING:
                return JsonNode::isTextual;
            case IS_BOOLEAN:
                return JsonNode::isBoolean;
            default:
                return value -> value.isTextual() && Timestamps.parse(value.textValue()) != null;
        }
    }

    /** StringMatches: {@code *} matches any characters; {@code \*} and {@code \\} stand for themselves. */
    private static Pattern wildcardPattern(String wildcard) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < wildcard.length(); i++) {
            char c = wildcard.charAt(i);
            if (c == '\\' && i + 1 < wildcard.length()) {
                literal.append(wildcard.charAt(++i));
            } else if (c == '*') {
                regex.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static CompiledPath compilePath(String text, String field, ChoiceRule rule) {
        if (text == null) {
            throw new PathSyntaxException("The Choice rule has no " + field + " " + at(rule));
        }
        try {
            return CompiledPath.compile(text);
        } catch (PathSyntaxException e) {
            throw new PathSyntaxException("The " + field + " of the Choice rule " + at(rule) + ": " + e.getMessage());
        }
    }

    private static PathSyntaxException invalidOperand(ChoiceRule.Comparison comparison, String expected) {
        return new PathSyntaxException(comparison.operator().aslName() + " takes " + expected + ", not "
                + comparison.operand() + " " + at(comparison));
    }

    private static String at(ChoiceRule rule) {
        return rule.location() == null ? "" : "(at " + rule.location().describe() + ")";
    }

    /** What the operands are compared as, each with the comparable key of a JSON value of its type. */
    private enum Family {
        STRING("a string") {
            @Override
            Object key(JsonNode value) {
                return value.isTextual() ? value.textValue() : null;
            }
        },
        NUMERIC("a number") {
            @Override
            Object key(JsonNode value) {
                return value.isNumber() ? value.decimalValue() : null;
            }
        },
        BOOLEAN("true or false") {
            @Override
            Object key(JsonNode value) {
                return value.isBoolean() ? value.booleanValue() : null;
            }
        },
        TIMESTAMP("a timestamp such as 2016-03-14T01:59:00Z") {
            @Override
            Object key(JsonNode value) {
                return value.isTextual() ? Timestamps.parse(value.textValue()) : null;
            }
        },
        MATCHES("a string pattern with * wildcards") {
            @Override
            Object key(JsonNode value) {
                return value.isTextual() ? value.textValue() : null;
            }
        },
        TYPE("true or false") {
            @Override
            Object key(JsonNode value) {
                return value.isBoolean() ? value.booleanValue() : null;
            }
        };

        final String description;

        Family(String description) {
            this.description = description;
        }

        /** The value as a Comparable of this family, or {@code null} when it is of another type. */
        abstract Object key(JsonNode value);
    }

    private enum Relation { EQUALS, LESS_THAN, GREATER_THAN, LESS_THAN_EQUALS, GREATER_THAN_EQUALS }

    private static final class Operation {
        final Family family;
        final Relation relation;

        private Operation(Family family, Relation relation) {
            this.family = family;
            this.relation = relation;
        }

        static Operation of(ComparisonOperator operator) {
            String name = operator.aslName().replace("Path", "");
            if (name.startsWith("Is")) {
                return new Operation(Family.TYPE, Relation.EQUALS);
            }
            if (name.equals("StringMatches")) {
                return new Operation(Family.MATCHES, Relation.EQUALS);
            }
            Family family = name.startsWith("String") ? Family.STRING
                    : name.startsWith("Numeric") ? Family.NUMERIC
                    : name.startsWith("Boolean") ? Family.BOOLEAN
                    : Family.TIMESTAMP;
            Relation relation = name.endsWith("LessThanEquals") ? Relation.LESS_THAN_EQUALS
                    : name.endsWith("GreaterThanEquals") ? Relation.GREATER_THAN_EQUALS
                    : name.endsWith("LessThan") ? Relation.LESS_THAN
                    : name.endsWith("GreaterThan") ? Relation.GREATER_THAN
                    : Relation.EQUALS;
            return new Operation(family, relation);
        }

        boolean holdsAgainst(JsonNode value, JsonNode operand) {
            Object key = family.key(operand);
            return key != null && holds(value, key);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean holds(JsonNode value, Object operandKey) {
            Object key = family.key(value);
            if (key == null) {
                return false;
            }
            int order = ((Comparable) key).compareTo(operandKey);
            switch (relation) {
                case LESS_THAN:
                    return order < 0;
                case GREATER_THAN:
                    return order > 0;
                case LESS_THAN_EQUALS:
                    return order <= 0;
                case GREATER_THAN_EQUALS:
                    return order >= 0;
                default:
                    return order == 0;
            }
        }
    }
}
