package dev.aslunit.internal.pipeline;

import dev.aslunit.internal.definition.SourceLocator;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.LoadedDefinition;
import dev.aslunit.internal.definition.load.cdk.CdkApp;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.DefinitionException;
import dev.aslunit.internal.validation.Diagnostic;
import dev.aslunit.internal.validation.DiagnosticCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Load → validate → compile, the same for every front end, so that what the conformance batch
 * measures is what a user's test runs. A problem found at any step is a {@link Diagnostic} placed
 * in the source; only a source that cannot be read at all is an exception
 * ({@link dev.aslunit.internal.definition.load.DefinitionSourceException}).
 */
public final class DefinitionPipeline {

    private DefinitionPipeline() {
    }

    /**
     * A definition file (JSON, YAML, SAM or CloudFormation template) or a CDK app's cloud assembly.
     * A CDK app's tokens that resolve to nothing stay opaque: a mock answers those tasks anyway.
     */
    public static DefinitionLoader fromPath(Path file) {
        return CdkApp.isCloudAssembly(file) ? DefinitionLoader.fromCdkApp(file).allowOpaquePlaceholders()
                : DefinitionLoader.fromFile(file);
    }

    /** A definition sent whole over an API (the server, a batch request): {@code ${...}} in it is text, as AWS treats it. */
    public static DefinitionLoader fromApi(String definition) {
        return DefinitionLoader.fromString(definition).allowOpaquePlaceholders();
    }

    /**
     * Loads, validates and, when AWS would accept the definition, compiles it as {@code name}.
     *
     * @throws dev.aslunit.internal.definition.load.DefinitionSourceException when the source cannot be read
     */
    public static Compilation compile(DefinitionLoader loader, String name) {
        LoadedDefinition loaded = loader.load();
        if (!loaded.isValid()) {
            return new Compilation(loaded, null, loaded.diagnostics());
        }
        try {
            return new Compilation(loaded, CompiledStateMachine.compile(loaded.definition(), name), loaded.diagnostics());
        } catch (DefinitionException e) {
            // The validator accepts what AWS accepts; what the engine still cannot compile is reported the same way.
            List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
            diagnostics.addAll(diagnostics(e, loaded.locator()));
            return new Compilation(loaded, null, diagnostics);
        }
    }

    /** The compiler's problems as diagnostics, each placed in the source by {@code locator}. */
    static List<Diagnostic> diagnostics(DefinitionException e, SourceLocator locator) {
        return e.problems().stream().map(p -> new Diagnostic(DiagnosticCode.SCHEMA_VALIDATION_FAILED, p.message(),
                locator.locate(p.pointer()))).toList();
    }
}
