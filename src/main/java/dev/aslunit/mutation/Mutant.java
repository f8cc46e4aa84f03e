package dev.aslunit.mutation;

import java.util.Objects;

/**
 * One variant of a definition with one deliberate mistake.
 *
 * @param id          stable for the same definition: operator, JSON pointer and new value, e.g.
 *                    {@code choice-constant@/States/NeedsApproval/Choices/0/NumericGreaterThan=1001}
 * @param operator    the kind of mistake
 * @param pointer     where in the definition the change is (JSON pointer)
 * @param description the change in words
 * @param definition  the mutant's definition text (indented JSON)
 * @param diff        a unified diff from the original (indented the same way) to the mutant
 * @param equivalence why the mutant provably behaves like the original, or {@code null} when it may not
 */
public record Mutant(String id, MutationOperator operator, String pointer, String description, String definition,
        String diff, String equivalence) {

    public Mutant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operator, "operator");
    }

    public boolean isEquivalent() {
        return equivalence != null;
    }
}
