package dev.aslunit.definition.load.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.aslunit.json.SourceDocument;
import dev.aslunit.json.SourceSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One CloudFormation stack of the app: its template (read on first use), the environment the
 * manifest gives it, its asset manifests and the construct paths the manifest's metadata records.
 */
final class Stack {

    private final String stackName;
    private final Path templatePath;
    private final String templateName;
    private final String region;
    private final String accountId;
    private final List<Path> assetManifests;
    private final Map<String, String> manifestPaths;
    private TextFile file;
    private SourceDocument json;

    /**
     * @param region the region of the stack's environment, null when environment-agnostic
     * @param manifestPaths logical id to construct path, from the manifest's metadata
     */
    Stack(String stackName, Path templatePath, String templateName, String region, String accountId,
            List<Path> assetManifests, Map<String, String> manifestPaths) {
        this.stackName = stackName;
        this.templatePath = templatePath;
        this.templateName = templateName;
        this.region = region;
        this.accountId = accountId;
        this.assetManifests = List.copyOf(assetManifests);
        this.manifestPaths = Map.copyOf(manifestPaths);
    }

    String stackName() {
        return stackName;
    }

    Path templatePath() {
        return templatePath;
    }

    String region() {
        return region;
    }

    String accountId() {
        return accountId;
    }

    List<Path> assetManifests() {
        return assetManifests;
    }

    TextFile file() {
        load();
        return file;
    }

    JsonNode root() {
        load();
        return json.root();
    }

    JsonNode section(String name) {
        JsonNode n = root().get(name);
        return n == null ? MissingNode.getInstance() : n;
    }

    JsonNode resource(String logicalId) {
        return section("Resources").get(logicalId);
    }

    /** The offset in the template of the value at {@code pointer} (or of its closest ancestor). */
    int offset(String pointer) {
        load();
        String p = pointer;
        while (true) {
            int at = json.valueOffset(p);
            if (at >= 0 || p.isEmpty()) {
                return Math.max(at, 0);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** The construct path of a resource without its trailing {@code /Resource}, or null when unknown. */
    String constructPath(String logicalId) {
        JsonNode r = resource(logicalId);
        JsonNode path = r == null ? null : r.path("Metadata").get("aws:cdk:path");
        String p = path != null && path.isTextual() ? path.asText() : manifestPaths.get(logicalId);
        return p == null ? null : withoutResourceSuffix(p);
    }

    static String withoutResourceSuffix(String path) {
        return path.endsWith("/Resource") ? path.substring(0, path.length() - "/Resource".length()) : path;
    }

    private void load() {
        if (json != null) {
            return;
        }
        String text;
        try {
            text = Files.readString(templatePath, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CdkLoadException("Cannot read the template " + templateName + " of stack " + stackName + ": "
                    + e.getMessage() + ". Synthesize the app again (cdk synth) so that cdk.out is complete.");
        }
        TextFile f = new TextFile(templateName, text);
        SourceDocument parsed;
        try {
            parsed = SourceDocument.parse(text, SourceDocument.Format.JSON, templateName);
        } catch (SourceSyntaxException e) {
            throw new CdkLoadException(templateName + ":" + e.line() + ":" + e.column() + ": the template is not JSON: "
                    + e.reason());
        }
        if (parsed.root() == null || !parsed.root().isObject() || !parsed.root().path("Resources").isObject()) {
            throw new CdkLoadException(templateName + ": not a CloudFormation template (no \"Resources\" object).");
        }
        file = f;
        json = parsed;
    }
}
