package dev.aslunit.internal.definition.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.SourceLocator;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.definition.load.cdk.CdkStateMachine;
import dev.aslunit.internal.validation.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link DefinitionLoader#load()} found: the definition's JSON (after substitutions), its
 * diagnostics, and the model when there are no errors. Warnings do not stop the model being built.
 */
public final class LoadedDefinition {

    private final String source;
    private final JsonNode json;
    private final StateMachineDefinition definition;
    private final StateMachineType type;
    private final SourceLocator locator;
    private final List<Diagnostic> diagnostics;
    private final CdkStateMachine cdkStateMachine;

    LoadedDefinition(String source, JsonNode json, StateMachineDefinition definition, StateMachineType type,
            SourceLocator locator, List<Diagnostic> diagnostics, CdkStateMachine cdkStateMachine) {
        this.source = source;
        this.json = json;
        this.definition = definition;
        this.type = type;
        this.locator = locator;
        this.diagnostics = List.copyOf(diagnostics);
        this.cdkStateMachine = cdkStateMachine;
    }

    /** The file, resource or name the definition was read from; {@code null} for an unnamed string. */
    public String source() {
        return source;
    }

    /** The definition's JSON after substitutions; {@code null} when the text could not be parsed. */
    public JsonNode json() {
        return json;
    }

    /** The model, or {@code null} when there are errors. */
    public StateMachineDefinition definition() {
        return definition;
    }

    /** STANDARD unless the template or the caller said EXPRESS. */
    public StateMachineType type() {
        return type;
    }

    /** Maps a JSON pointer in the definition to its file, line and column. */
    public SourceLocator locator() {
        return locator;
    }

    /** Every problem, errors and warnings, in source order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * The state machine of the CDK app it was loaded from ({@link DefinitionLoader#fromCdkApp}), with
     * the app's resources by construct path; {@code null} for any other source.
     */
    public CdkStateMachine cdkStateMachine() {
        return cdkStateMachine;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).collect(Collectors.toUnmodifiableList());
    }

    /** AWS's {@code result: OK}: no errors (warnings allowed). */
    public boolean isValid() {
        return definition != null;
    }

    /** @throws InvalidDefinitionException listing every error, one per line, when the definition has errors */
    public StateMachineDefinition requireValid() {
        if (definition == null) {
            throw InvalidDefinitionException.of(source, errors());
        }
        return definition;
    }
}
