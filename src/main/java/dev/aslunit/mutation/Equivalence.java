package dev.aslunit.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.SourceLocator;
import dev.aslunit.internal.definition.StateMachineDefinition;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides that a mutant provably behaves like the original, by three rules (and says which held);
 * when none holds the mutant is run. Each rule is a fact about the definition, never a guess from a
 * run:
 * <ol>
 *   <li><b>Same model.</b> The mutant reads to the same model as the original (ASLUnit's
 *       {@code StateMachineDefinition}, with AWS's defaults filled in and source positions left out).
 *       The engine compiles and runs that model and nothing else, so the two run alike.</li>
 *   <li><b>Shadowed rule.</b> The change is inside a Retry rule or a Catch (or removes one of its
 *       errors) whose every affected error name is listed, exactly, by an earlier rule of the same
 *       list. AWS and ASLUnit use the first rule whose {@code ErrorEquals} names the error, so that
 *       rule (or that error of it) is never used.</li>
 *   <li><b>Timing never used.</b> {@code IntervalSeconds} or {@code BackoffRate} of a rule with
 *       {@code MaxAttempts} 0 (it never retries), and {@code BackoffRate} of a rule with
 *       {@code MaxAttempts} 1 (its only wait is {@code IntervalSeconds}; the rate multiplies later
 *       waits only).</li>
 * </ol>
 */
final class Equivalence {

    private static final Pattern RULE = Pattern.compile("^(.*)/(Retry|Catch)/(\\d+)(/.*)?$");
    private static final SourceLocator NOWHERE = pointer -> new SourceLocation(null, "", 0, 0);

    private final JsonNode original;
    private final StateMachineDefinition model;

    Equivalence(JsonNode original) {
        this.original = original;
        this.model = DefinitionReader.read(original, NOWHERE);
    }

    /** Why the mutant {@code mutated} cannot behave differently, or {@code null}. */
    String reason(MutationOperator operator, String pointer, JsonNode mutated) {
        StateMachineDefinition mutant;
        try {
            mutant = DefinitionReader.read(mutated, NOWHERE);
        } catch (RuntimeException unreadable) {
            return null;
        }
        if (mutant.equals(model)) {
            return "same model: the mutant reads to the same definition as the original once AWS's defaults are filled in";
        }
        Matcher m = RULE.matcher(pointer);
        if (!m.matches()) {
            return null;
        }
        JsonNode rules = Mutator.at(original, m.group(1) + "/" + m.group(2));
        int index = Integer.parseInt(m.group(3));
        String rest = m.group(4) == null ? "" : m.group(4);
        JsonNode rule = rules.get(index);
        Set<String> affected = new HashSet<>();
        if (operator == MutationOperator.RETRY_ERROR_REMOVE) {
            affected.add(Mutator.at(original, pointer).asText());
        } else {
            rule.path("ErrorEquals").forEach(e -> affected.add(e.asText()));
        }
        Set<String> earlier = new HashSet<>();
        for (int k = 0; k < index; k++) {
            rules.get(k).path("ErrorEquals").forEach(e -> earlier.add(e.asText()));
        }
        if (!affected.isEmpty() && earlier.containsAll(affected)) {
            return "shadowed rule: every error it changes (" + String.join(", ", new java.util.TreeSet<>(affected))
                    + ") is named by an earlier " + m.group(2) + " rule of the state, which is used first";
        }
        if (m.group(2).equals("Retry")) {
            int attempts = rule.path("MaxAttempts").isInt() ? rule.get("MaxAttempts").intValue() : 3;
            if (attempts == 0 && (rest.equals("/IntervalSeconds") || rest.equals("/BackoffRate"))) {
                return "timing never used: the rule has MaxAttempts 0 and never retries";
            }
            if (attempts == 1 && rest.equals("/BackoffRate")) {
                return "timing never used: with MaxAttempts 1 the only wait is IntervalSeconds; BackoffRate"
                        + " multiplies later waits only";
            }
        }
        return null;
    }
}
