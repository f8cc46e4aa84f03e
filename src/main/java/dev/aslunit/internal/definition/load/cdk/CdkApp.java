package dev.aslunit.internal.definition.load.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.DefaultAwsEnvironment;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.json.SourceDocument;
import dev.aslunit.internal.json.SourceSyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A synthesized AWS CDK app: the entry point to test a state machine straight from {@code cdk.out}.
 *
 * <pre>{@code
 * CdkStateMachine flow = CdkApp.open(Path.of("cdk.out")).stateMachine("OrdersStack/OrderFlow");
 * JsonNode asl = flow.definition();                        // every token resolved
 * flow.constructPathOf(arnInTheDefinition);               // Optional[OrdersStack/ChargeCard]
 * }</pre>
 *
 * <p>Tokens become the values CloudFormation would give them in region {@value #DEFAULT_REGION} and
 * account {@value #DEFAULT_ACCOUNT_ID}, unless the stack's environment names others or
 * {@link #withRegion}/{@link #withAccountId} choose them.
 */
public final class CdkApp {

    public static final String DEFAULT_REGION = DefaultAwsEnvironment.REGION;
    public static final String DEFAULT_ACCOUNT_ID = DefaultAwsEnvironment.ACCOUNT_ID;

    private final CloudAssembly assembly;
    private final String region;
    private final String accountId;

    private CdkApp(CloudAssembly assembly, String region, String accountId) {
        this.assembly = assembly;
        this.region = region;
        this.accountId = accountId;
    }

    /**
     * Opens a {@code cdk.out} directory (read through its {@code manifest.json}, with the nested
     * assemblies of stages) or one synthesized {@code *.template.json} file.
     *
     * @throws CdkLoadException when there is no such file or it is not a synthesized app
     */
    public static CdkApp open(Path cdkOutOrTemplate) {
        return new CdkApp(CloudAssembly.open(cdkOutOrTemplate), null, null);
    }

    /**
     * Whether {@code path} is a synthesized app: a directory with a {@code manifest.json} (cdk.out),
     * or a {@code *.template.json} file next to one. For tools that accept both plain definitions and
     * CDK apps.
     */
    public static boolean isCloudAssembly(Path path) {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve("manifest.json"));
        }
        Path dir = path.toAbsolutePath().getParent();
        return path.getFileName() != null && path.getFileName().toString().endsWith(".template.json")
                && dir != null && Files.isRegularFile(dir.resolve("manifest.json"));
    }

    /**
     * Whether a CloudFormation template was synthesized by the CDK ({@code cdk synth} output, JSON or
     * YAML): its resources carry {@code aws:cdk:path} metadata, or a state machine's
     * {@code DefinitionString} is built with {@code Fn::Join}. Such a template loads like a
     * {@code cdk.out}, by construct path, its tokens resolved.
     */
    public static boolean isSynthesizedTemplate(JsonNode template) {
        for (JsonNode resource : template.path("Resources")) {
            if (resource.path("Metadata").has("aws:cdk:path") || "AWS::StepFunctions::StateMachine".equals(
                    resource.path("Type").asText()) && resource.path("Properties").path("DefinitionString")
                    .has("Fn::Join")) {
                return true;
            }
        }
        return false;
    }

    /** The region the tokens resolve in (ARNs, queue URLs, {@code AWS::Region}). */
    public CdkApp withRegion(String region) {
        return new CdkApp(assembly, Objects.requireNonNull(region, "region"), accountId);
    }

    /** The account the tokens resolve in (ARNs, queue URLs, {@code AWS::AccountId}). */
    public CdkApp withAccountId(String accountId) {
        return new CdkApp(assembly, region, Objects.requireNonNull(accountId, "accountId"));
    }

    /** The construct paths (or logical ids, when the template has no path metadata) of the app's state machines. */
    public List<String> stateMachines() {
        return entries().stream().map(Entry::name).toList();
    }

    /**
     * The state machine with this construct path ({@code OrdersStack/OrderFlow}, with or without
     * {@code /Resource}) or logical id; {@code null} or blank picks the app's only state machine.
     *
     * @throws CdkLoadException naming the state machines there are when the selector matches none,
     *     or when the definition cannot be resolved
     */
    public CdkStateMachine stateMachine(String selector) {
        return resolve(Selector.select(entries(), selector, assembly.name()));
    }

    record Entry(Stack stack, String logicalId, String constructPath) {
        String name() {
            return constructPath != null ? constructPath : logicalId;
        }
    }

    private List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Stack stack : assembly.selectableStacks()) {
            stack.section("Resources").fields().forEachRemaining(r -> {
                if ("AWS::StepFunctions::StateMachine".equals(r.getValue().path("Type").asText())) {
                    out.add(new Entry(stack, r.getKey(), stack.constructPath(r.getKey())));
                }
            });
        }
        return out;
    }

    private CdkStateMachine resolve(Entry entry) {
        Resolution resolution = new Resolution(assembly, region, accountId);
        Stack stack = entry.stack();
        resolution.used(stack);
        Resolver resolver = resolution.resolver(stack);
        SourcedText text = DefinitionSource.text(resolver, entry.logicalId(), entry.name());
        SourceDocument json = parse(text, entry);
        String props = "/Resources/" + DefinitionReader.escape(entry.logicalId()) + "/Properties";
        int start = stack.offset(props);
        for (String field : new String[] {"DefinitionString", "Definition", "DefinitionS3Location"}) {
            if (stack.resource(entry.logicalId()).path("Properties").has(field)) {
                start = stack.offset(props + "/" + field);
                break;
            }
        }
        SourceLocation definitionLocation = new SourceLocation(stack.file().name(), "",
                stack.file().line(start), stack.file().column(start));

        Map<String, CdkResource> resources = resources(resolution);
        Map<String, String> pathsByValue = new HashMap<>();
        resources.values().forEach(r -> r.values().values().forEach(v -> pathsByValue.putIfAbsent(v, r.constructPath())));
        String resolvedText = text.toString();
        StateMachineType type = "EXPRESS".equals(stack.resource(entry.logicalId()).path("Properties")
                .path("StateMachineType").asText()) ? StateMachineType.EXPRESS : StateMachineType.STANDARD;
        return new CdkStateMachine(entry.name(), entry.logicalId(), stack.stackName(), stack.file().name(), type,
                json.root(), pointer -> {
                    SourcedText.Origin origin = text.originOf(Math.max(0, json.offset(pointer)));
                    int offset = origin.fileOffset();
                    return new SourceLocation(origin.file().name(), pointer, origin.file().line(offset),
                            origin.file().column(offset));
                }, definitionLocation, resources, pathsByValue, resolution.unresolvedIn(resolvedText));
    }

    /** The resources with a construct path of the stacks the definition drew on, with their values. */
    private static Map<String, CdkResource> resources(Resolution resolution) {
        Map<String, CdkResource> resources = new LinkedHashMap<>();
        for (Stack used : resolution.stacksUsed()) {
            Resolver r = resolution.resolver(used);
            used.section("Resources").fields().forEachRemaining(e -> {
                String path = used.constructPath(e.getKey());
                if (path == null) {
                    return;
                }
                Map<String, String> values;
                try {
                    values = r.values(e.getKey());
                } catch (CdkLoadException unresolvable) {
                    // A resource the definition does not use may have tokens CloudFormation alone can resolve.
                    values = Map.of();
                }
                resources.putIfAbsent(path, new CdkResource(path, e.getKey(), e.getValue().path("Type").asText(),
                        used.stackName(), values));
            });
        }
        return resources;
    }

    private static SourceDocument parse(SourcedText text, Entry entry) {
        try {
            SourceDocument json = SourceDocument.parse(text.toString(), SourceDocument.Format.JSON, null);
            if (json.root() == null || !json.root().isObject()) {
                throw new CdkLoadException((text.isEmpty() ? entry.stack().file().name() : text.originOf(0).describe())
                        + ": the definition of " + entry.name() + " is not a JSON object once resolved");
            }
            return json;
        } catch (SourceSyntaxException e) {
            int at = new TextFile("", text.toString()).offset(e.line(), e.column());
            throw new CdkLoadException((text.isEmpty() ? entry.stack().file().name() : text.originOf(at).describe())
                    + ": the definition of " + entry.name() + " is not valid JSON once its tokens are resolved: "
                    + e.reason());
        }
    }
}
