package dev.aslunit.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.SourceLocator;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.jsonata.JsonataChecker;
import dev.aslunit.internal.jsonata.JsonataProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The static checks AWS makes when a state machine is created, run on a definition's JSON tree
 * before any model is built, so that every problem is reported at once with its place. Any tree is
 * accepted: a wrong type anywhere becomes a diagnostic, never an exception.
 */
public final class DefinitionValidator {

    private DefinitionValidator() {
    }

    /**
     * @param root the definition, {@code null} for an empty document
     * @param locator where each JSON pointer is in the source
     * @return the diagnostics in source order (line, then column)
     */
    public static List<Diagnostic> validate(JsonNode root, SourceLocator locator, StateMachineType type) {
        List<Diagnostic> sorted = new ArrayList<>(new DefinitionChecks(locator, type).run(root));
        if (root != null && root.isObject()) {
            // JSONata and variable rules live with the JSONata implementation, which knows them best.
            for (JsonataProblem problem : JsonataChecker.check(root)) {
                sorted.add(new Diagnostic(DiagnosticCode.valueOf(problem.code()), problem.message(),
                        locator.locate(problem.pointer())));
            }
        }
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        return List.copyOf(sorted);
    }

    /** AWS's {@code result}: {@code FAIL} when any diagnostic is an error, else {@code OK}. */
    public static boolean isValid(List<Diagnostic> diagnostics) {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
