package dev.aslunit.internal.path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled JSONPath as ASL's path fields take it ({@code InputPath}, {@code OutputPath},
 * {@code ItemsPath}, {@code SecondsPath}, a Choice rule's {@code Variable}, ...). The root says
 * what it reads: {@code $} the state input, {@code $$} the context object, {@code $name} the
 * variable {@code name}. Full JSONPath is accepted (filters, wildcards, slices, {@code ..}): as on
 * AWS, a definite path yields the one value it selects and an indefinite one the array of all its
 * matches.
 */
public final class ReferencePath {

    private final CompiledPath path;

    private ReferencePath(CompiledPath path) {
        this.path = path;
    }

    /** @throws PathSyntaxException naming {@code text} when it is not a valid path */
    public static ReferencePath compile(String text) {
        return new ReferencePath(CompiledPath.compile(text));
    }

    /**
     * @return the selected value
     * @throws PathEvaluationException {@code States.Runtime} with AWS's cause
     *         {@code Invalid path '$.x' : No results for path: $['x']} when the path selects nothing
     */
    public JsonNode read(PathScope scope) {
        return path.read(scope);
    }

    /**
     * For fields whose failure AWS words differently ({@code SecondsPath}, {@code ErrorPath}, ...).
     *
     * @return the selected value, or {@code null} when the path selects nothing
     */
    public JsonNode find(PathScope scope) {
        return path.find(scope);
    }

    /** The path as written. */
    public String text() {
        return path.text();
    }

    @Override
    public String toString() {
        return path.text();
    }
}
