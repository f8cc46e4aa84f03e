package dev.aslunit.internal.validation;

import dev.aslunit.internal.definition.ClosestName;
import java.util.Collection;

/** "Did you mean ..." for names a person mistyped. */
final class Suggestions {

    private Suggestions() {
    }

    /** @return the candidate closest to {@code typed}, or {@code null} when none is plausibly meant */
    static String closest(String typed, Collection<String> candidates) {
        ClosestName.Match match = ClosestName.nearest(typed, candidates);
        return match != null && match.distance() < typed.length() && match.distance() <= Math.max(1, typed.length() / 3)
                ? match.name() : null;
    }

    /** {@code "; did you mean \"X\"?"} or nothing. */
    static String didYouMean(String typed, Collection<String> candidates) {
        String closest = closest(typed, candidates);
        return closest == null ? "" : "; did you mean \"" + closest + "\"?";
    }
}
