package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A Choice rule: a comparison, a Boolean combination, or a JSONata {@code Condition}. */
public sealed interface ChoiceRule {

    SourceLocation location();

    /**
     * {@code Variable} compared by {@code operator} with a literal {@code operand} or, for the
     * {@code *Path} operators, the value at {@code operand} (a JSON string holding the path).
     */
    record Comparison(String variable, ComparisonOperator operator, JsonNode operand, SourceLocation location)
            implements ChoiceRule {
    }

    record And(List<ChoiceRule> rules, SourceLocation location) implements ChoiceRule {
        public And {
            rules = List.copyOf(rules);
        }
    }

    record Or(List<ChoiceRule> rules, SourceLocation location) implements ChoiceRule {
        public Or {
            rules = List.copyOf(rules);
        }
    }

    record Not(ChoiceRule rule, SourceLocation location) implements ChoiceRule {
    }

    /** JSONata's {@code Condition}: {@code true} or {@code false}, or a {@code {% ... %}} string. */
    record Condition(JsonNode condition, SourceLocation location) implements ChoiceRule {
    }
}
