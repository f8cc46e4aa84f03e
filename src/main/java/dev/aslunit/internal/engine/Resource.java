package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.integration.IntegrationPattern;
import dev.aslunit.internal.integration.ResourceArn;
import dev.aslunit.internal.integration.ResourceArn.Kind;
import dev.aslunit.internal.integration.ServiceRequests;
import dev.aslunit.internal.json.JsonReading;
import java.util.List;

/**
 * A Task's {@code Resource} ARN, classified as AWS classifies it for the history: a Lambda function
 * ({@code LambdaFunction*} events), an activity ({@code Activity*}), or a service integration
 * ({@code Task*} events with {@code resourceType} and {@code resource}, e.g. {@code lambda} and
 * {@code invoke}, plus {@code TaskSubmitted} for {@code .sync} and {@code .waitForTaskToken}).
 */
final class Resource {

    private final ResourceArn parsed;
    private final String arn;
    private final Kind kind;
    private final String resourceType;
    private final String resource;

    private Resource(ResourceArn parsed, String arn, Kind kind, String resourceType, String resource) {
        this.parsed = parsed;
        this.arn = arn;
        this.kind = kind;
        this.resourceType = resourceType;
        this.resource = resource;
    }

    static Resource of(String arn) {
        ResourceArn parsed = ResourceArn.tryParse(arn).orElse(null);
        if (parsed == null) {
            // an unresolved placeholder the loader let through: no service answers it, but its events still name it
            return new Resource(null, arn, Kind.SERVICE, arn, "");
        }
        return new Resource(parsed, arn, parsed.kind(), parsed.resourceType(), parsed.resourceName());
    }

    String arn() {
        return arn;
    }

    /** AWS's checks of the parameters before it schedules the call; empty when the call can start. */
    List<String> problems(JsonNode parameters) {
        return parsed == null ? List.of() : ServiceRequests.problems(parsed, parameters);
    }

    /**
     * The cause as the history and the error output show it: AWS's Lambda integration
     * ({@code lambda:invoke}) re-serialises a function error's JSON cause compactly, while a Lambda
     * function ARN passes it on as the function wrote it.
     */
    String cause(String cause) {
        if (cause == null || kind != Kind.SERVICE || !"lambda".equals(resourceType) || !cause.startsWith("{")) {
            return cause;
        }
        try {
            return EngineJson.text(JsonReading.tree(cause));
        } catch (java.io.IOException e) {
            return cause;
        }
    }

    /** How AWS names the task in a {@code States.DataLimitExceeded} cause: the ARN, or the service. */
    String limitName() {
        return kind == Kind.SERVICE ? resourceType : arn;
    }

    /** An activity's worker, like a {@code .waitForTaskToken} task, answers with the token it was handed. */
    boolean waitsForToken() {
        return kind == Kind.ACTIVITY || pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN;
    }

    /** {@code .sync}, {@code .sync:2} and {@code .waitForTaskToken} write {@code TaskSubmitted}. */
    boolean submits() {
        return kind == Kind.SERVICE && pattern() != IntegrationPattern.REQUEST_RESPONSE;
    }

    boolean isActivity() {
        return kind == Kind.ACTIVITY;
    }

    /** Express workflows run request-response calls only: AWS refuses {@code .sync}, {@code .waitForTaskToken} and activities. */
    boolean allowedInExpress() {
        return parsed == null || parsed.allowedInExpress();
    }

    private IntegrationPattern pattern() {
        return parsed == null ? IntegrationPattern.REQUEST_RESPONSE : parsed.pattern();
    }

    private String prefix() {
        return kind == Kind.LAMBDA_FUNCTION ? "LambdaFunction" : kind == Kind.ACTIVITY ? "Activity" : "Task";
    }

    String scheduledEvent() {
        return prefix() + "Scheduled";
    }

    String startedEvent() {
        return prefix() + "Started";
    }

    String submittedEvent() {
        return "TaskSubmitted";
    }

    String succeededEvent() {
        return prefix() + "Succeeded";
    }

    String failedEvent() {
        return prefix() + "Failed";
    }

    String timedOutEvent() {
        return prefix() + "TimedOut";
    }

    /** The resource as the scheduled event's {@code resource} names it: an integration's action, else the ARN. */
    String historyName() {
        return kind == Kind.SERVICE ? resource : arn;
    }

    /** {@code parameters}: the text of the call's parameters. */
    ObjectNode scheduledDetails(ExecutionRun run, String parameters, Integer timeout, Integer heartbeat,
            JsonNode credentials) {
        ObjectNode d = EngineJson.object();
        if (kind == Kind.SERVICE) {
            d.put("resourceType", resourceType);
            d.put("resource", resource);
            d.put("region", run.options.region());
            d.put("parameters", parameters);
        } else {
            d.put("resource", arn);
            d.put("input", parameters);
            d.set("inputDetails", EngineJson.notTruncated());
        }
        if (timeout != null) {
            d.put("timeoutInSeconds", timeout);
        }
        if (heartbeat != null && kind != Kind.LAMBDA_FUNCTION) {
            d.put("heartbeatInSeconds", heartbeat);
        }
        if (credentials != null && kind != Kind.ACTIVITY) {
            ObjectNode c = d.putObject("taskCredentials");
            JsonNode role = credentials.get("RoleArn");
            if (role != null) {
                c.set("roleArn", role);
            }
        }
        return d;
    }

    ObjectNode startedDetails() {
        if (kind == Kind.SERVICE) {
            return typed();
        }
        if (kind == Kind.ACTIVITY) {
            // workerName is what a worker gives GetActivityTask; a mock is no worker, and AWS writes none without one
            return EngineJson.object();
        }
        return null;
    }

    /** {@code response}: the text of what the service call that started the job or sent the token answered. */
    ObjectNode submittedDetails(String response) {
        ObjectNode d = typed();
        d.put("output", response);
        d.set("outputDetails", EngineJson.notTruncated());
        return d;
    }

    /** {@code result}: the text of the task's result. */
    ObjectNode succeededDetails(String result) {
        ObjectNode d = kind == Kind.SERVICE ? typed() : EngineJson.object();
        d.put("output", result);
        d.set("outputDetails", EngineJson.notTruncated());
        return d;
    }

    ObjectNode failedDetails(String error, String cause) {
        ObjectNode d = kind == Kind.SERVICE ? typed() : EngineJson.object();
        if (error != null) {
            d.put("error", error);
        }
        if (cause != null) {
            d.put("cause", cause);
        }
        return d;
    }

    ObjectNode timedOutDetails(String error) {
        ObjectNode d = kind == Kind.SERVICE ? typed() : EngineJson.object();
        d.put("error", error);
        return d;
    }

    private ObjectNode typed() {
        ObjectNode d = EngineJson.object();
        d.put("resourceType", resourceType);
        d.put("resource", resource);
        return d;
    }
}
