package dev.aslunit.internal.definition.load.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.SourceLocator;
import dev.aslunit.StateMachineType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A state machine of a CDK app, resolved as CloudFormation would deploy it: its definition (to give
 * to the loader with {@link #locator()}), where it comes from, and the resources of the app by
 * construct path, so a test can name the Lambda function a task calls by its path in the CDK app.
 */
public final class CdkStateMachine {

    private final String constructPath;
    private final String logicalId;
    private final String stackName;
    private final String template;
    private final StateMachineType type;
    private final JsonNode definition;
    private final SourceLocator locator;
    private final SourceLocation definitionLocation;
    private final Map<String, CdkResource> resources;
    private final Map<String, String> pathsByValue;
    private final List<CdkUnresolvedToken> unresolved;

    CdkStateMachine(String constructPath, String logicalId, String stackName, String template, StateMachineType type,
            JsonNode definition,
            SourceLocator locator, SourceLocation definitionLocation, Map<String, CdkResource> resources,
            Map<String, String> pathsByValue, List<CdkUnresolvedToken> unresolved) {
        this.constructPath = constructPath;
        this.logicalId = logicalId;
        this.stackName = stackName;
        this.template = template;
        this.type = type;
        this.definition = definition;
        this.locator = locator;
        this.definitionLocation = definitionLocation;
        this.resources = Map.copyOf(resources);
        this.pathsByValue = Map.copyOf(pathsByValue);
        this.unresolved = List.copyOf(unresolved);
    }

    /** {@code OrdersStack/OrderFlow}: the construct path without {@code /Resource} (the logical id if the template has no path metadata). */
    public String constructPath() {
        return constructPath;
    }

    public String logicalId() {
        return logicalId;
    }

    public String stackName() {
        return stackName;
    }

    /** The template file, as a path relative to what the user gave ({@code cdk.out/OrdersStack.template.json}). */
    public String template() {
        return template;
    }

    /** The template's {@code StateMachineType}: EXPRESS, or STANDARD (also when absent, as in AWS). */
    public StateMachineType type() {
        return type;
    }

    /** {@code OrdersStack/OrderFlow in cdk.out/OrdersStack.template.json}, for messages and reports. */
    public String source() {
        return constructPath + " in " + template;
    }

    /** The definition (a fresh copy each call: callers may not share a mutable tree). */
    public JsonNode definition() {
        return definition.deepCopy();
    }

    /**
     * Maps a JSON pointer inside the definition to where its text is in the files: the line and column
     * in the template of the {@code DefinitionString} (the {@code Fn::Join} part holding it, or the
     * token that gave its value), or in the asset file of a {@code DefinitionS3Location}.
     */
    public SourceLocator locator() {
        return locator;
    }

    /** Where the definition starts: the template's {@code DefinitionString} (or the asset file). */
    public SourceLocation definitionLocation() {
        return definitionLocation;
    }

    /** The resources of the state machine's stack (and of the stacks it imports from) by construct path. */
    public Map<String, CdkResource> resourceByConstructPath() {
        return resources;
    }

    /**
     * The construct path of the resource a value of the definition came from: a Lambda function's ARN
     * (qualified or not) or name, a queue's URL, a table's name... empty when no resource of the app
     * has that value.
     */
    public Optional<String> constructPathOf(String value) {
        String path = pathsByValue.get(value);
        if (path == null && value != null && value.contains(":function:")) {
            int qualifier = value.indexOf(':', value.indexOf(":function:") + ":function:".length());
            path = qualifier < 0 ? null : pathsByValue.get(value.substring(0, qualifier));
        }
        return Optional.ofNullable(path);
    }

    /** The tokens left as opaque placeholders in the definition, each once. */
    public List<CdkUnresolvedToken> unresolvedTokens() {
        return unresolved;
    }

    /** The unresolved token whose placeholder {@code value} contains, if any: what to tell a user whose execution needed it. */
    public Optional<CdkUnresolvedToken> unresolvedTokenIn(String value) {
        return unresolved.stream().filter(t -> value != null && value.contains(t.placeholder())).findFirst();
    }

    @Override
    public String toString() {
        return source();
    }
}
