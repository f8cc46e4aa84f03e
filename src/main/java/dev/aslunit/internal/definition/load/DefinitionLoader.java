package dev.aslunit.internal.definition.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.SourceLocator;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.definition.load.cdk.CdkApp;
import dev.aslunit.internal.definition.load.cdk.CdkLoadException;
import dev.aslunit.internal.definition.load.cdk.CdkStateMachine;
import dev.aslunit.internal.json.SourceDocument;
import dev.aslunit.internal.json.SourceSyntaxException;
import dev.aslunit.internal.validation.DefinitionValidator;
import dev.aslunit.internal.validation.Diagnostic;
import dev.aslunit.internal.validation.DiagnosticCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a state machine definition: ASL as JSON or YAML, or a state machine of a SAM or
 * CloudFormation template, from a file, a classpath resource or a string; applies {@code ${Name}}
 * substitutions; validates; and builds the model. Immutable: every option returns a new loader.
 *
 * <pre>{@code
 * LoadedDefinition loaded = DefinitionLoader.fromFile(Path.of("statemachine/orders.asl.json"))
 *         .substitutions(Map.of("PaymentFunctionArn", "arn:aws:lambda:eu-west-1:123456789012:function:pay"))
 *         .allowOpaquePlaceholders()
 *         .load();
 * StateMachineDefinition definition = loaded.requireValid();
 * }</pre>
 */
public final class DefinitionLoader {

    private static final String CLI_HINT = "CLI: --substitution %1$s=VALUE; or let placeholders stay opaque:"
            + " --allow-placeholders";

    private final SourceText.Origin origin;
    private final String name;
    private final Map<String, String> substitutions;
    private final boolean opaquePlaceholders;
    private final String stateMachine;
    private final StateMachineType type;
    /** A synthesized CDK app (cdk.out or a template) read through {@link CdkApp}, or null. */
    private final Path cdkApp;
    /** For a CDK app: the region and account its tokens resolve in; null for the stack's or the default. */
    private final String region;
    private final String accountId;
    /** How the front end gives a placeholder its value, with {@code %1$s} for its name, for the diagnostic. */
    private final String placeholderHint;

    private DefinitionLoader(SourceText.Origin origin, String name, Map<String, String> substitutions,
            boolean opaquePlaceholders, String stateMachine, StateMachineType type) {
        this(origin, name, substitutions, opaquePlaceholders, stateMachine, type, null, null, null, CLI_HINT);
    }

    private DefinitionLoader(SourceText.Origin origin, String name, Map<String, String> substitutions,
            boolean opaquePlaceholders, String stateMachine, StateMachineType type, Path cdkApp, String region,
            String accountId, String placeholderHint) {
        this.origin = origin;
        this.name = name;
        this.substitutions = substitutions;
        this.opaquePlaceholders = opaquePlaceholders;
        this.stateMachine = stateMachine;
        this.type = type;
        this.cdkApp = cdkApp;
        this.region = region;
        this.accountId = accountId;
        this.placeholderHint = placeholderHint;
    }

    /** A {@code .asl.json}, {@code .asl.yaml}, {@code .json}, {@code .yaml} or {@code .yml} file, or a template. */
    public static DefinitionLoader fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        return new DefinitionLoader(SourceText.file(file), file.toString(), Map.of(), false, null, null);
    }

    /**
     * A state machine of a synthesized AWS CDK app: its {@code cdk.out} directory or one of its
     * templates, every token resolved (see {@link CdkApp}); choose it with
     * {@link #stateMachine(String)} by construct path ({@code OrdersStack/OrderFlow}) or logical id,
     * unless the app has only one. Locations point into the template.
     */
    public static DefinitionLoader fromCdkApp(Path cdkOutOrTemplate) {
        Objects.requireNonNull(cdkOutOrTemplate, "cdkOutOrTemplate");
        return new DefinitionLoader(SourceText.file(cdkOutOrTemplate), cdkOutOrTemplate.toString(), Map.of(), false,
                null, null, cdkOutOrTemplate, null, null, CLI_HINT);
    }

    /** A classpath resource, e.g. {@code "order-processing.asl.json"} or {@code "com/example/orders.asl.yaml"}. */
    public static DefinitionLoader fromClasspath(String resource) {
        return fromClasspath(resource, Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : DefinitionLoader.class.getClassLoader());
    }

    public static DefinitionLoader fromClasspath(String resource, ClassLoader classLoader) {
        Objects.requireNonNull(resource, "resource");
        String normalized = resource.startsWith("/") ? resource.substring(1) : resource;
        return new DefinitionLoader(SourceText.classpath(normalized, classLoader), normalized, Map.of(), false, null,
                null);
    }

    /** JSON or YAML text; name it with {@link #named(String)} so diagnostics say where it came from. */
    public static DefinitionLoader fromString(String text) {
        Objects.requireNonNull(text, "text");
        return new DefinitionLoader(SourceText.string(text), null, Map.of(), false, null, null);
    }

    /** The name diagnostics use for the source (by default the file or resource as given). */
    public DefinitionLoader named(String sourceName) {
        return new DefinitionLoader(origin, sourceName, substitutions, opaquePlaceholders, stateMachine, type, cdkApp,
                region, accountId, placeholderHint);
    }

    /** Values for {@code ${Name}} placeholders, added to (and overriding) those given before and the template's. */
    public DefinitionLoader substitutions(Map<String, String> values) {
        Map<String, String> merged = new LinkedHashMap<>(substitutions);
        values.forEach((k, v) -> merged.put(Objects.requireNonNull(k, "name"), Objects.requireNonNull(v, k)));
        return new DefinitionLoader(origin, name, Map.copyOf(merged), opaquePlaceholders, stateMachine, type, cdkApp,
                region, accountId, placeholderHint);
    }

    public DefinitionLoader substitution(String placeholder, String value) {
        return substitutions(Map.of(placeholder, value));
    }

    /**
     * Leave placeholders without a value in place, as opaque text, instead of reporting them; for
     * example a {@code Resource} of {@code ${PaymentFunctionArn}} that a mock answers anyway.
     */
    public DefinitionLoader allowOpaquePlaceholders() {
        return new DefinitionLoader(origin, name, substitutions, true, stateMachine, type, cdkApp, region, accountId, placeholderHint);
    }

    /**
     * How the front end gives a placeholder a value, for the diagnostic of one without: a format with
     * {@code %1$s} for the placeholder's name (by default the CLI's {@code --substitution}).
     */
    public DefinitionLoader placeholderHint(String hint) {
        return new DefinitionLoader(origin, name, substitutions, opaquePlaceholders, stateMachine, type, cdkApp, region,
                accountId, Objects.requireNonNull(hint, "hint"));
    }

    /**
     * In a SAM or CloudFormation template, the logical id of the state machine to load; in a CDK app
     * ({@link #fromCdkApp}), its construct path or logical id.
     */
    public DefinitionLoader stateMachine(String logicalId) {
        return new DefinitionLoader(origin, name, substitutions, opaquePlaceholders, logicalId, type, cdkApp,
                region, accountId, placeholderHint);
    }

    /**
     * For a CDK app, the region and account its tokens ({@code AWS::Region}, {@code AWS::AccountId},
     * the ARNs built from them) resolve in, instead of the stack's environment or
     * {@link dev.aslunit.internal.definition.DefaultAwsEnvironment}; pass the ones the executions use.
     */
    public DefinitionLoader awsEnvironment(String awsRegion, String awsAccountId) {
        return new DefinitionLoader(origin, name, substitutions, opaquePlaceholders, stateMachine, type, cdkApp,
                Objects.requireNonNull(awsRegion, "region"), Objects.requireNonNull(awsAccountId, "accountId"), placeholderHint);
    }

    /** STANDARD or EXPRESS; by default the template's type, else STANDARD. */
    public DefinitionLoader type(StateMachineType machineType) {
        return new DefinitionLoader(origin, name, substitutions, opaquePlaceholders, stateMachine, machineType,
                cdkApp, region, accountId, placeholderHint);
    }

    /**
     * @throws DefinitionSourceException when the source cannot be read, or a template has no such
     *     state machine; everything wrong inside the definition is a diagnostic instead
     */
    public LoadedDefinition load() {
        if (cdkApp != null) {
            return loadCdkApp();
        }
        SourceText source = origin.read(name);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Diagnostic> asWritten = new ArrayList<>();
        SourceDocument document = parse(source, asWritten);
        Selected selected;
        if (document != null && TemplateSelector.isTemplate(document.root())) {
            if (source.origin().path() != null && CdkApp.isSynthesizedTemplate(document.root())) {
                return new DefinitionLoader(origin, name, substitutions, opaquePlaceholders, stateMachine, type,
                        source.origin().path(), region, accountId, placeholderHint).loadCdkApp();
            }
            selected = new TemplateSelector(source, document, stateMachine, substitutions).select(diagnostics);
        } else if (source.text().contains("${") && (document == null || !substitutions.isEmpty())) {
            selected = substituted(source, substitutions, Map.of(), null, diagnostics);
        } else if (document == null) {
            diagnostics.addAll(asWritten);
            selected = null;
        } else {
            selected = Selected.in(document, "", Map.of(), null);
        }
        if (selected == null) {
            return new LoadedDefinition(name, null, null, effectiveType(null), fileOnly(source.name()), diagnostics, null);
        }
        diagnostics.addAll(selected.duplicates());
        return validated(name, selected.json(), selected.substitutions(), selected.type(), selected.locator(),
                diagnostics, null);
    }

    private LoadedDefinition loadCdkApp() {
        CdkStateMachine machine;
        try {
            CdkApp app = CdkApp.open(cdkApp);
            if (region != null) {
                app = app.withRegion(region).withAccountId(accountId);
            }
            machine = app.stateMachine(stateMachine);
        } catch (CdkLoadException e) {
            throw new DefinitionSourceException(e.getMessage(), e);
        }
        return validated(machine.source(), machine.definition(), Map.of(), machine.type(), machine.locator(),
                new ArrayList<>(), machine);
    }

    /** Substitutes, validates and reads the definition {@code raw} (null when it could not be parsed). */
    private LoadedDefinition validated(String sourceName, JsonNode raw, Map<String, String> sourceSubstitutions,
            StateMachineType sourceType, SourceLocator locator, List<Diagnostic> diagnostics, CdkStateMachine cdk) {
        Map<String, String> values = new LinkedHashMap<>(sourceSubstitutions);
        values.putAll(substitutions);
        Substitutions.Result substituted = raw == null ? new Substitutions.Result(null, List.of())
                : Substitutions.apply(raw, values);
        if (!opaquePlaceholders) {
            for (Substitutions.Unresolved u : substituted.unresolved()) {
                diagnostics.add(new Diagnostic(DiagnosticCode.UNRESOLVED_PLACEHOLDER, "No value for the substitution "
                        + "${" + u.name() + "}: give one (" + String.format(placeholderHint, u.name()) + ")",
                        locator.locate(u.pointer())));
            }
        }
        StateMachineType machineType = effectiveType(sourceType);
        diagnostics.addAll(DefinitionValidator.validate(substituted.json(), locator, machineType));
        StateMachineDefinition definition = null;
        if (DefinitionValidator.isValid(diagnostics)) {
            try {
                definition = DefinitionReader.read(substituted.json(), locator);
            } catch (RuntimeException e) {
                // The validator should have caught this; report it rather than let it escape.
                diagnostics.add(new Diagnostic(DiagnosticCode.SCHEMA_VALIDATION_FAILED, String.valueOf(e.getMessage()),
                        locator.locate("")));
            }
        }
        return new LoadedDefinition(sourceName, substituted.json(), definition, machineType, locator, diagnostics, cdk);
    }

    private StateMachineType effectiveType(StateMachineType fromTemplate) {
        if (type != null) {
            return type;
        }
        return fromTemplate != null ? fromTemplate : StateMachineType.STANDARD;
    }

    /** A definition found in a source: its JSON, where its parts are, and what its template said. */
    record Selected(JsonNode json, SourceLocator locator, List<Diagnostic> duplicates,
            Map<String, String> substitutions, StateMachineType type) {

        /** The part of {@code document} at {@code prefix} (all of it for {@code ""}). */
        static Selected in(SourceDocument document, String prefix, Map<String, String> substitutions,
                StateMachineType type) {
            return in(document, prefix, document.locator(prefix), true, substitutions, type);
        }

        /** A whole document whose positions {@code locator} maps elsewhere (a DefinitionString in a template). */
        static Selected in(SourceDocument document, SourceLocator locator, Map<String, String> substitutions,
                StateMachineType type) {
            return in(document, "", locator, false, substitutions, type);
        }

        private static Selected in(SourceDocument document, String prefix, SourceLocator locator,
                boolean ownPositions, Map<String, String> substitutions, StateMachineType type) {
            List<Diagnostic> duplicates = new ArrayList<>();
            for (SourceDocument.DuplicateKey d : document.duplicateKeys()) {
                if (d.pointer().startsWith(prefix + "/")) {
                    String inner = d.pointer().substring(prefix.length());
                    SourceLocation at = ownPositions ? new SourceLocation(d.location().file(), inner,
                            d.location().line(), d.location().column()) : locator.locate(inner);
                    duplicates.add(duplicate(d.key(), inner, at));
                }
            }
            JsonNode json = prefix.isEmpty() ? document.root() : document.root().at(prefix);
            return new Selected(json, locator, duplicates, substitutions, type);
        }
    }

    /**
     * Parses {@code source} after replacing its placeholders as text, as SAM does, so that
     * {@code "TimeoutSeconds": ${Timeout}} is valid JSON; locations are those of the text as written.
     *
     * @return null when the text does not parse (then in {@code diagnostics})
     */
    static Selected substituted(SourceText source, Map<String, String> values, Map<String, String> substitutions,
            StateMachineType type, List<Diagnostic> diagnostics) {
        SubstitutedText text = SubstitutedText.of(source.text(),
                SourceDocument.formatOf(source.name(), source.text()), values);
        List<Diagnostic> local = new ArrayList<>();
        SourceDocument document = parse(new SourceText(source.name(), text.text(), source.origin()), local);
        local.forEach(d -> diagnostics.add(new Diagnostic(d.code(), d.message(), text.original(d.location()))));
        return document == null ? null
                : Selected.in(document, p -> text.original(document.locate(p)), substitutions, type);
    }

    static SourceDocument parse(SourceText source, List<Diagnostic> diagnostics) {
        try {
            return SourceDocument.parse(source.text(), SourceDocument.formatOf(source.name(), source.text()),
                    source.name());
        } catch (SourceSyntaxException e) {
            SourceLocation at = new SourceLocation(source.name(), "", e.line(), e.column());
            if (e.tooDeeplyNested()) {
                diagnostics.add(new Diagnostic(DiagnosticCode.TOO_DEEPLY_NESTED, e.reason() + "; flatten the "
                        + "definition", at));
            } else {
                diagnostics.add(new Diagnostic(DiagnosticCode.INVALID_JSON_DESCRIPTION, syntaxMessage(source, e), at));
            }
            return null;
        }
    }

    private static String syntaxMessage(SourceText source, SourceSyntaxException e) {
        String reason = e.reason().replaceAll("\\s+", " ").trim()
                .replaceAll(" ?\\(start marker at \\[[^\\]]*line: (\\d+), column: (\\d+)\\]\\)",
                        " (it was opened at line $1, column $2)")
                // SnakeYAML quotes the offending line after each position; the diagnostic has the position.
                .replaceAll(" ?in '[^']*', line \\d+, column \\d+:.*?\\^", "");
        if (reason.length() > 200) {
            reason = reason.substring(0, 197) + "...";
        }
        boolean yaml = SourceDocument.formatOf(source.name(), source.text()) == SourceDocument.Format.YAML;
        return (yaml ? "Invalid YAML: " : "Invalid JSON: ") + reason;
    }

    private static Diagnostic duplicate(String key, String pointer, SourceLocation at) {
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        if (parent.endsWith("/States")) {
            return new Diagnostic(DiagnosticCode.DUPLICATE_STATE_NAME, "Duplicate State name: \"" + key
                    + "\" is defined twice in the same States object; the second definition is ignored", at);
        }
        return new Diagnostic(DiagnosticCode.INVALID_JSON_DESCRIPTION, "Duplicate field \"" + key + "\" in "
                + (parent.isEmpty() ? "/" : parent) + "; only the first is used", at);
    }

    private static SourceLocator fileOnly(String file) {
        return pointer -> new SourceLocation(file, pointer, 0, 0);
    }
}
