package dev.aslunit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Task's {@code Resource} ARN, classified as AWS classifies it for the history: a Lambda function
 * ({@code LambdaFunction*} events), an activity ({@code Activity*}), or a service integration
 * ({@code Task*} events with {@code resourceType} and {@code resource}, e.g. {@code lambda} and
 * {@code invoke}, plus {@code TaskSubmitted} for {@code .sync} and {@code .waitForTaskToken}).
 */
final class Resource {

    private enum Kind { LAMBDA_FUNCTION, ACTIVITY, SERVICE }

    private final String arn;
    private final Kind kind;
    private final String resourceType;
    private final String resource;

    private Resource(String arn, Kind kind, String resourceType, String resource) {
        this.arn = arn;
        this.kind = kind;
        this.resourceType = resourceType;
        this.resource = resource;
    }

    static Resource of(String arn) {
        String[] parts = arn.split(":", 7);
        if (parts.length >= 7 && parts[2].equals("lambda") && parts[5].equals("function")) {
            return new Resource(arn, Kind.LAMBDA_FUNCTION, null, null);
        }
        if (parts.length >= 7 && parts[2].equals("states") && parts[5].equals("activity")) {
            return new Resource(arn, Kind.ACTIVITY, null, null);
        }
        // arn:aws:states:::service:action[.pattern] and arn:aws:states:::aws-sdk:service:action
        String tail = parts.length >= 6 ? arn.substring(arn.indexOf(":::") + 3) : arn;
        int last = tail.lastIndexOf(':');
        if (tail.endsWith(".sync:2")) {
            last = tail.lastIndexOf(':', tail.length() - 3);
        }
        String type = last > 0 ? tail.substring(0, last) : tail;
        String action = last > 0 ? tail.substring(last + 1) : "";
        return new Resource(arn, Kind.SERVICE, type, action);
    }

    String arn() {
        return arn;
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
            return Json.text(Json.MAPPER.readTree(cause));
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
        return kind == Kind.ACTIVITY || (kind == Kind.SERVICE && resource.endsWith(".waitForTaskToken"));
    }

    /** {@code .sync}, {@code .sync:2} and {@code .waitForTaskToken} write {@code TaskSubmitted}. */
    boolean submits() {
        return kind == Kind.SERVICE && (waitsForToken() || resource.endsWith(".sync") || resource.endsWith(".sync:2"));
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

    ObjectNode scheduledDetails(ExecutionRun run, JsonNode parameters, Integer timeout, Integer heartbeat,
            JsonNode credentials) {
        ObjectNode d = Json.object();
        if (kind == Kind.SERVICE) {
            d.put("resourceType", resourceType);
            d.put("resource", resource);
            d.put("region", run.options.region());
            d.put("parameters", Json.text(parameters));
        } else {
            d.put("resource", arn);
            d.put("input", Json.text(parameters));
            d.set("inputDetails", Json.notTruncated());
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
            ObjectNode d = Json.object();
            d.put("workerName", "aslunit");
            return d;
        }
        return null;
    }

    ObjectNode submittedDetails() {
        ObjectNode d = typed();
        d.put("output", "{}");
        d.set("outputDetails", Json.notTruncated());
        return d;
    }

    ObjectNode succeededDetails(JsonNode result) {
        ObjectNode d = kind == Kind.SERVICE ? typed() : Json.object();
        d.put("output", Json.text(result));
        d.set("outputDetails", Json.notTruncated());
        return d;
    }

    ObjectNode failedDetails(String error, String cause) {
        ObjectNode d = kind == Kind.SERVICE ? typed() : Json.object();
        if (error != null) {
            d.put("error", error);
        }
        if (cause != null) {
            d.put("cause", cause);
        }
        return d;
    }

    ObjectNode timedOutDetails(String error) {
        ObjectNode d = kind == Kind.SERVICE ? typed() : Json.object();
        d.put("error", error);
        return d;
    }

    private ObjectNode typed() {
        ObjectNode d = Json.object();
        d.put("resourceType", resourceType);
        d.put("resource", resource);
        return d;
    }
}
