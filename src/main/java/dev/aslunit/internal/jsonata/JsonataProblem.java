package dev.aslunit.internal.jsonata;

/**
 * One finding of {@link JsonataChecker}: AWS's diagnostic {@code code} where AWS has one (as
 * {@code ValidateStateMachineDefinition} and {@code CreateStateMachine} report it), the
 * {@code message}, and the JSON pointer of the offending node in the definition
 * ({@code /States/Pay/Output/total}, {@code /States/M/ItemProcessor/States/P/Assign/x}).
 */
public record JsonataProblem(String code, Severity severity, String message, String pointer) {

    /** {@code ERROR}s are refusals, as AWS refuses the definition; {@code WARNING}s are advice. */
    public enum Severity {
        ERROR,
        WARNING
    }
}
