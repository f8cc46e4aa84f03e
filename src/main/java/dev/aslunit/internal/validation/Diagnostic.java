package dev.aslunit.internal.validation;

import dev.aslunit.internal.definition.SourceLocation;
import java.util.Locale;

/**
 * One problem in a definition, shaped as AWS's ValidateStateMachineDefinition reports it (code,
 * severity, message, location as a JSON pointer such as {@code /States/Pay/Next}), plus where that
 * is in the file.
 */
public record Diagnostic(DiagnosticCode code, String message, SourceLocation location) {

    public Severity severity() {
        return code.severity();
    }

    /** The JSON pointer of the problem; {@code ""} is the whole definition. */
    public String pointer() {
        return location.pointer();
    }

    /**
     * The {@code location} as AWS reports it: the pointer, with {@code /} for the whole definition;
     * {@code null} for a workflow with no terminal state, which AWS locates nowhere ("MISSING_END_STATE:
     * Workflow has no terminal state at null", floci-io/floci#2735).
     */
    public String awsLocation() {
        if (code == DiagnosticCode.MISSING_END_STATE) {
            return null;
        }
        return pointer().isEmpty() ? "/" : pointer();
    }

    public boolean isError() {
        return severity() == Severity.ERROR;
    }

    /**
     * Compiler style: {@code orders.asl.json:12:9: error MISSING_TRANSITION_TARGET Missing 'Next'
     * target: "Pai" (/States/Pay/Next)}.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (location.file() != null) {
            sb.append(location.file());
            if (location.hasLineAndColumn()) {
                sb.append(':').append(location.line()).append(':').append(location.column());
            }
            sb.append(": ");
        }
        // where AWS gives no location, the pointer still tells the reader which machine or branch it is
        sb.append(severity().name().toLowerCase(Locale.ROOT)).append(' ').append(code).append(' ').append(message)
                .append(" (").append(awsLocation() != null ? awsLocation() : pointer()).append(')');
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
