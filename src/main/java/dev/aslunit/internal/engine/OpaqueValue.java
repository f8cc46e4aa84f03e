package dev.aslunit.internal.engine;

import dev.aslunit.internal.definition.ChoiceRule;
import dev.aslunit.internal.definition.Placeholder;
import java.util.List;

/**
 * A {@code ${Name}} placeholder the loader was allowed to leave opaque where AWS expects a number
 * or a Boolean ({@code "TimeoutSeconds": ${Timeout}}, read as the string {@code "${Timeout}"}).
 * AWS would have the substituted value; ASLUnit does not, so such a field compiles, the definition
 * is valid as it is on AWS, and only a run that needs the value fails, naming the placeholder.
 */
final class OpaqueValue {

    private OpaqueValue() {
    }

    /** @return the first comparison operand in {@code rule} that is a placeholder, or {@code null} */
    static String in(ChoiceRule rule) {
        if (rule instanceof ChoiceRule.Comparison c) {
            return c.operator().comparesWithPath() ? null : Placeholder.of(c.operand());
        }
        if (rule instanceof ChoiceRule.Not n) {
            return in(n.rule());
        }
        if (rule instanceof ChoiceRule.And a) {
            return first(a.rules());
        }
        return rule instanceof ChoiceRule.Or o ? first(o.rules()) : null;
    }

    private static String first(List<ChoiceRule> rules) {
        for (ChoiceRule r : rules) {
            String found = in(r);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The failure of a run that reaches the value: {@code States.Runtime}, which no retrier or
     * catcher handles, so the execution stops at the state that needs it.
     */
    static StateFailure unknown(Scope scope, String field, String placeholder) {
        String name = placeholder.substring(2, placeholder.length() - 1);
        return new StateFailure(Errors.RUNTIME, scope.state.causePrefix() + "The " + field + " field is the placeholder "
                + placeholder + ", which has no value; give it one to run this state (CLI: --substitution " + name
                + "=VALUE)");
    }
}
