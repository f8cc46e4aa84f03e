package dev.aslunit.internal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.pipeline.Compilation;
import dev.aslunit.internal.json.Json;
import dev.aslunit.internal.validation.Diagnostic;
import dev.aslunit.internal.validation.DiagnosticCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code aslunit validate --format sarif}: the diagnostics as SARIF 2.1.0, which GitHub code
 * scanning shows on a pull request's lines. The diagnostic code is the rule id, its severity the
 * level, the file's line and column the physical location, the JSON pointer the logical location.
 */
final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    static ObjectNode render(List<Compilation> loaded) {
        List<DiagnosticCode> rules = new ArrayList<>();
        for (Compilation definition : loaded) {
            for (Diagnostic d : definition.diagnostics()) {
                if (!rules.contains(d.code())) {
                    rules.add(d.code());
                }
            }
        }
        ObjectNode log = Json.nodes().objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "ASLUnit");
        driver.put("informationUri", "https://github.com/aslunit/aslunit/blob/main/docs/validation.md");
        String version = SarifReport.class.getPackage().getImplementationVersion();
        if (version != null) {
            driver.put("version", version);
        }
        ArrayNode ruleNodes = driver.putArray("rules");
        for (DiagnosticCode code : rules) {
            ObjectNode rule = ruleNodes.addObject();
            rule.put("id", code.name());
            rule.putObject("shortDescription").put("text", code.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            rule.putObject("defaultConfiguration").put("level", level(code));
        }
        ArrayNode results = run.putArray("results");
        for (Compilation definition : loaded) {
            for (Diagnostic d : definition.diagnostics()) {
                ObjectNode result = results.addObject();
                result.put("ruleId", d.code().name());
                result.put("ruleIndex", rules.indexOf(d.code()));
                result.put("level", level(d.code()));
                result.putObject("message").put("text", d.message());
                ObjectNode location = result.putArray("locations").addObject();
                SourceLocation at = d.location();
                String file = at.file() != null ? at.file() : definition.source();
                ObjectNode physical = location.putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", uri(file));
                if (at.hasLineAndColumn()) {
                    physical.putObject("region").put("startLine", at.line()).put("startColumn", at.column());
                }
                location.putArray("logicalLocations").addObject()
                        .put("fullyQualifiedName", d.pointer().isEmpty() ? "/" : d.pointer())
                        .put("kind", "member");
            }
        }
        run.put("columnKind", "unicodeCodePoints");
        return log;
    }

    private static String level(DiagnosticCode code) {
        return code.severity() == dev.aslunit.internal.validation.Severity.ERROR ? "error" : "warning";
    }

    /** A path relative to the working directory (the repository root in CI), with forward slashes, as code scanning matches files. */
    private static String uri(String file) {
        Path path = Path.of(file);
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        String text = shown.toString().replace('\\', '/');
        return shown.isAbsolute() ? shown.toUri().toString() : text;
    }
}
