package dev.aslunit.internal.definition.load.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.aslunit.internal.json.SourceDocument;
import dev.aslunit.internal.json.SourceSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private final Stack parent;
    private final String parentResource;
    /** Read on first use, under this stack's lock, so that one app may serve several threads. */
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
        this.parent = null;
        this.parentResource = null;
    }

    /** A nested stack: the template of resource {@code parentResource} (an AWS::CloudFormation::Stack) of {@code parent}. */
    private Stack(Stack parent, String parentResource, Path templatePath, String templateName) {
        this.stackName = parent.stackName + "-" + parentResource;
        this.templatePath = templatePath;
        this.templateName = templateName;
        this.region = parent.region;
        this.accountId = parent.accountId;
        this.assetManifests = parent.assetManifests;
        this.manifestPaths = Map.of();
        this.parent = parent;
        this.parentResource = parentResource;
    }

    /** The stack this one is nested in, or null. */
    Stack parent() {
        return parent;
    }

    /** In the parent, the logical id of the AWS::CloudFormation::Stack resource this stack is. */
    String parentResource() {
        return parentResource;
    }

    /**
     * The nested stacks of this one that CDK wrote into the assembly: each AWS::CloudFormation::Stack
     * resource whose template is a file asset (named by its {@code aws:asset:path} metadata, or found
     * through the asset manifest by the object key its TemplateURL ends with).
     */
    List<Stack> nestedStacks() {
        List<Stack> out = new ArrayList<>();
        section("Resources").fields().forEachRemaining(r -> {
            if (!"AWS::CloudFormation::Stack".equals(r.getValue().path("Type").asText())) {
                return;
            }
            String assetPath = r.getValue().path("Metadata").path("aws:asset:path").asText(null);
            Path template = assetPath != null ? templatePath.getParent().resolve(assetPath)
                    : asset(lastSegment(r.getValue().path("Properties").path("TemplateURL")));
            if (template != null && Files.isRegularFile(template)) {
                Path display = Path.of(templateName).resolveSibling(template.getFileName().toString());
                out.add(new Stack(this, r.getKey(), template.toAbsolutePath().normalize(), display.toString()));
            }
        });
        return out;
    }

    /**
     * The file of an S3 file asset of this stack by its object key: the asset manifest names its
     * source, else CDK's own naming, {@code asset.<key>} next to the template; null when neither names one.
     */
    Path asset(String objectKey) {
        if (objectKey == null) {
            return null;
        }
        for (Path manifest : assetManifests) {
            JsonNode files = CloudAssembly.readJson(manifest, manifest.getFileName().toString()).path("files");
            for (JsonNode asset : files) {
                for (JsonNode destination : asset.path("destinations")) {
                    if (objectKey.equals(destination.path("objectKey").asText())) {
                        return manifest.getParent().resolve(asset.path("source").path("path").asText());
                    }
                }
            }
        }
        return templatePath.getParent().resolve("asset." + objectKey);
    }

    /** The text after the last {@code /} of the literal strings of a URL built with Fn::Join. */
    private static String lastSegment(JsonNode url) {
        StringBuilder text = new StringBuilder();
        collectText(url, text);
        int slash = text.lastIndexOf("/");
        return slash < 0 ? null : text.substring(slash + 1);
    }

    private static void collectText(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(node.asText());
        } else if (node.isArray()) {
            node.forEach(e -> collectText(e, out));
        } else if (node.isObject() && node.has("Fn::Join")) {
            collectText(node.get("Fn::Join").path(1), out);
        }
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

    private synchronized void load() {
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
