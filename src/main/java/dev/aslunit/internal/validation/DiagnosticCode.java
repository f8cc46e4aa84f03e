package dev.aslunit.internal.validation;

/**
 * The codes of AWS's ValidateStateMachineDefinition, each with the severity AWS gives it (the
 * JSONata and variable codes as AWS's CreateStateMachine reports them), plus two of ASLUnit's own:
 * {@link #UNRESOLVED_PLACEHOLDER}, a {@code ${Name}} substitution nobody supplied, and
 * {@link #POSSIBLY_UNDEFINED_VARIABLE}, a variable read before any state can have assigned it.
 */
public enum DiagnosticCode {
    INVALID_JSON_DESCRIPTION(Severity.ERROR),
    MISSING_DESCRIPTION(Severity.ERROR),
    SCHEMA_VALIDATION_FAILED(Severity.ERROR),
    INVALID_RESOURCE(Severity.ERROR),
    MISSING_END_STATE(Severity.ERROR),
    DUPLICATE_STATE_NAME(Severity.ERROR),
    INVALID_STATE_NAME(Severity.ERROR),
    MISSING_TRANSITION_TARGET(Severity.ERROR),
    TOO_DEEPLY_NESTED(Severity.ERROR),
    DUPLICATE_LABEL_NAME(Severity.ERROR),
    INVALID_LABEL_NAME(Severity.ERROR),
    INVALID_JSONATA_EXPRESSION(Severity.ERROR),
    UNSUPPORTED_JSONATA_EXPRESSION(Severity.ERROR),
    DUPLICATE_VARIABLE_NAME(Severity.ERROR),
    UNRESOLVED_PLACEHOLDER(Severity.ERROR),
    POSSIBLY_UNDEFINED_VARIABLE(Severity.WARNING),
    NO_DOLLAR(Severity.WARNING),
    NO_PATH(Severity.WARNING),
    PASS_RESULT_IS_STATIC(Severity.WARNING);

    private final Severity severity;

    DiagnosticCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
