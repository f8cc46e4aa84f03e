package dev.aslunit.internal.definition.load.cdk;

import dev.aslunit.internal.json.JsonReading;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stacks of a synthesized app: from a {@code cdk.out} directory through its {@code manifest.json}
 * (stack artifacts, their asset manifests and metadata, and the nested assemblies of stages), or from a
 * single template file (its sibling templates then provide the exports it may import).
 */
final class CloudAssembly {

    private final String name;
    private final List<Stack> stacks;
    private final Path chosenTemplate;

    private CloudAssembly(String name, List<Stack> stacks, Path chosenTemplate) {
        this.name = name;
        this.stacks = List.copyOf(stacks);
        this.chosenTemplate = chosenTemplate;
    }

    static CloudAssembly open(Path path) {
        if (!Files.exists(path)) {
            throw new CdkLoadException("No such file or directory: " + path + ". Give the cdk.out directory of a "
                    + "synthesized CDK app (run cdk synth first) or one of its *.template.json files.");
        }
        if (Files.isDirectory(path)) {
            List<Stack> stacks = stacksIn(path, path.toString());
            if (stacks.isEmpty()) {
                throw new CdkLoadException(path + " has no stack: it holds neither a manifest.json with a stack "
                        + "artifact nor a *.template.json file. Run cdk synth and give its output directory (cdk.out).");
            }
            return new CloudAssembly(path.toString(), withNested(stacks), null);
        }
        Path dir = path.toAbsolutePath().getParent();
        String dirName = path.getParent() == null ? "" : path.getParent().toString();
        List<Stack> stacks = new ArrayList<>(stacksIn(dir, dirName));
        Path chosen = path.toAbsolutePath().normalize();
        if (stacks.stream().noneMatch(s -> same(s.templatePath(), chosen))) {
            String file = path.getFileName().toString();
            stacks.add(new Stack(stackNameOf(file), chosen, path.toString(), null, null, List.of(), Map.of()));
        }
        return new CloudAssembly(path.toString(), withNested(stacks), chosen);
    }

    /**
     * The stacks and, after each, the stacks nested in it; a nested template that was also listed
     * on its own (a directory without manifest) is kept once, as the nested stack, so that its
     * parameters resolve through its parent.
     */
    private static List<Stack> withNested(List<Stack> stacks) {
        List<Stack> out = new ArrayList<>(stacks);
        for (int i = 0; i < out.size(); i++) {
            List<Stack> nestedStacks;
            try {
                nestedStacks = out.get(i).nestedStacks();
            } catch (CdkLoadException e) {
                // A broken template matters only if its state machine is chosen, and is reported then.
                continue;
            }
            for (Stack nested : nestedStacks) {
                out.removeIf(s -> s.parent() == null && same(s.templatePath(), nested.templatePath()));
                out.add(nested);
            }
        }
        return out;
    }

    /** What the user gave, for messages. */
    String name() {
        return name;
    }

    List<Stack> stacks() {
        return stacks;
    }

    /** The stacks whose state machines can be selected: all, or the one template the user named. */
    List<Stack> selectableStacks() {
        if (chosenTemplate == null) {
            return stacks;
        }
        return stacks.stream().filter(this::chosen).toList();
    }

    /** The template the user named, or a stack nested in it. */
    private boolean chosen(Stack stack) {
        return same(stack.templatePath(), chosenTemplate) || stack.parent() != null && chosen(stack.parent());
    }

    private static List<Stack> stacksIn(Path dir, String displayDir) {
        Path manifest = dir.resolve("manifest.json");
        if (Files.isRegularFile(manifest)) {
            List<Stack> out = new ArrayList<>();
            readManifest(dir, displayDir, out);
            return out;
        }
        List<Stack> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".template.json")).sorted().forEach(f -> {
                String file = f.getFileName().toString();
                out.add(new Stack(stackNameOf(file), f.toAbsolutePath().normalize(), display(displayDir, file), null,
                        null, List.of(), Map.of()));
            });
        } catch (IOException e) {
            throw new CdkLoadException("Cannot list " + displayDir + ": " + e.getMessage());
        }
        return out;
    }

    private static void readManifest(Path dir, String displayDir, List<Stack> out) {
        String manifestName = display(displayDir, "manifest.json");
        JsonNode manifest = readJson(dir.resolve("manifest.json"), manifestName);
        JsonNode artifacts = manifest.path("artifacts");
        Iterator<Map.Entry<String, JsonNode>> it = artifacts.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode artifact = e.getValue();
            JsonNode props = artifact.path("properties");
            switch (artifact.path("type").asText()) {
                case "aws:cloudformation:stack": {
                    String templateFile = props.path("templateFile").asText(null);
                    if (templateFile == null) {
                        throw new CdkLoadException(manifestName + ": the stack artifact \"" + e.getKey()
                                + "\" names no templateFile; synthesize the app again.");
                    }
                    String stackName = props.path("stackName").asText(e.getKey());
                    String[] env = environment(artifact.path("environment").asText(""));
                    List<Path> assetManifests = new ArrayList<>();
                    artifact.path("dependencies").forEach(d -> {
                        JsonNode dep = artifacts.path(d.asText());
                        if ("cdk:asset-manifest".equals(dep.path("type").asText())) {
                            assetManifests.add(dir.resolve(dep.path("properties").path("file").asText()));
                        }
                    });
                    Map<String, String> paths = new HashMap<>();
                    constructPaths(artifact.path("metadata"), paths);
                    String extra = artifact.path("additionalMetadataFile").asText(null);
                    if (extra != null && Files.isRegularFile(dir.resolve(extra))) {
                        constructPaths(readJson(dir.resolve(extra), display(displayDir, extra)), paths);
                    }
                    out.add(new Stack(stackName, dir.resolve(templateFile).toAbsolutePath().normalize(),
                            display(displayDir, templateFile), env[1], env[0], assetManifests, paths));
                    break;
                }
                case "cdk:cloud-assembly": {
                    String nested = props.path("directoryName").asText(null);
                    if (nested != null && Files.isRegularFile(dir.resolve(nested).resolve("manifest.json"))) {
                        readManifest(dir.resolve(nested), display(displayDir, nested), out);
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }

    /** The manifest's metadata: {@code "/OrdersStack/OrderFlow/Resource": [{"type": "aws:cdk:logicalId", "data": "OrderFlowA028A46E"}]}. */
    private static void constructPaths(JsonNode metadata, Map<String, String> paths) {
        metadata.fields().forEachRemaining(e -> e.getValue().forEach(entry -> {
            if ("aws:cdk:logicalId".equals(entry.path("type").asText()) && entry.path("data").isTextual()) {
                String path = e.getKey().startsWith("/") ? e.getKey().substring(1) : e.getKey();
                paths.putIfAbsent(entry.path("data").asText(), path);
            }
        }));
    }

    /** {@code aws://123456789012/eu-west-1} to {account, region}; null for CDK's "unknown-*". */
    private static String[] environment(String env) {
        String[] out = new String[2];
        if (env.startsWith("aws://")) {
            String[] parts = env.substring("aws://".length()).split("/", 2);
            if (parts.length == 2) {
                out[0] = parts[0].isEmpty() || parts[0].startsWith("unknown-") ? null : parts[0];
                out[1] = parts[1].isEmpty() || parts[1].startsWith("unknown-") ? null : parts[1];
            }
        }
        return out;
    }

    static JsonNode readJson(Path file, String displayName) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new CdkLoadException(displayName + " is not JSON (" + JsonReading.problem(e) + ")");
        } catch (IOException e) {
            throw new CdkLoadException("Cannot read " + displayName + ": " + e.getMessage());
        }
    }

    static String display(String dir, String file) {
        return dir == null || dir.isEmpty() ? file : Path.of(dir).resolve(file).toString();
    }

    private static String stackNameOf(String file) {
        return file.endsWith(".template.json") ? file.substring(0, file.length() - ".template.json".length())
                : file.replaceFirst("\\.json$", "");
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
