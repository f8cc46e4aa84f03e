package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * A whole field value that is one {@code ${Name}} substitution the loader was allowed to leave
 * opaque: the validator accepts it where AWS would have the substituted value, and the compiler
 * turns it into a step that fails only when a run needs the value. One definition for both, so that
 * what validates is what compiles.
 */
public final class Placeholder {

    private static final Pattern WHOLE = Pattern.compile("\\$\\{[^}]+}");

    private Placeholder() {
    }

    /** @return the placeholder {@code value} is, or {@code null} when it is anything else (or absent) */
    public static String of(JsonNode value) {
        return value != null && value.isTextual() && WHOLE.matcher(value.asText()).matches() ? value.asText() : null;
    }

    /** Whether {@code value} is one whole placeholder. */
    public static boolean is(JsonNode value) {
        return of(value) != null;
    }
}
