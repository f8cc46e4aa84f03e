package dev.aslunit.internal.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.JsonReading;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The full responses AWS's integrations return, built around the part a test cares about, with the
 * field names, nesting and types AWS uses (as recorded against AWS in the conformance cases):
 * <ul>
 *   <li>wrappers, where the test gives the inner value: {@code lambda:invoke} (the {@code Payload}),
 *       {@code apigateway:invoke} (the {@code ResponseBody}), {@code bedrock:invokeModel} (the
 *       {@code Body}), {@code states:startExecution.sync} / {@code .sync:2} (the child's output);</li>
 *   <li>completions, where the test gives some fields of the response and AWS's other fields are
 *       added: SNS publish, SQS sendMessage, DynamoDB get/put/update/deleteItem, EventBridge
 *       putEvents, {@code states:startExecution}, ECS runTask, Glue startJobRun, Batch submitJob,
 *       Athena startQueryExecution (request-response and {@code .sync});</li>
 *   <li>{@code aws-sdk:*}, activities, Lambda function ARNs and {@code .waitForTaskToken} results
 *       (what the callback sent) are used as given.</li>
 * </ul>
 * Generated ids and dates derive from the execution, the state and the invocation, so every run
 * gives the same response.
 */
public final class ServiceResponses {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String AWS_JSON = "application/x-amz-json-1.0";
    private static final String AWS_JSON_1_1 = "application/x-amz-json-1.1";

    private ServiceResponses() {
    }

    /**
     * AWS's full result for a Task from the part a test gave (see the class comment).
     */
    public static JsonNode complete(ServiceCall invocation, JsonNode given) {
        ResourceArn arn = ResourceArn.tryParse(invocation.resource()).orElse(null);
        if (arn == null || arn.kind() != ResourceArn.Kind.SERVICE || arn.isSdkIntegration()
                || arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            return given;
        }
        Call call = new Call(invocation, arn);
        String key = arn.service() + ":" + arn.action();
        boolean sync = arn.pattern().isSync();
        return switch (key) {
            case "lambda:invoke" -> sync ? given : lambdaInvoke(given, call.requestId(), invocation.now());
            case "apigateway:invoke" -> apiGatewayInvoke(given);
            case "bedrock:invokeModel" -> bedrockInvokeModel(given);
            case "states:startExecution" -> sync ? startExecutionSync(call, given) : merge(call.startExecution(), given, call, AWS_JSON);
            case "sns:publish" -> merge(call.snsPublish(), given, call, "text/xml");
            case "sqs:sendMessage" -> merge(call.sqsSendMessage(), given, call, AWS_JSON);
            case "dynamodb:getItem", "dynamodb:putItem", "dynamodb:updateItem", "dynamodb:deleteItem" ->
                    merge(JSON.objectNode(), given, call, AWS_JSON);
            case "events:putEvents" -> merge(call.putEvents(), given, null, null);
            case "ecs:runTask" -> sync ? merge(call.ecsTask(true), given, null, null) : merge(call.ecsRunTask(), given, call, AWS_JSON_1_1);
            case "glue:startJobRun" -> sync ? merge(call.glueJobRun(), given, null, null)
                    : merge(JSON.objectNode().put("JobRunId", call.id("JobRunId")), given, call, AWS_JSON_1_1);
            case "batch:submitJob" -> sync ? merge(call.batchJob(), given, null, null)
                    : merge(call.batchSubmitted(), given, call, "application/json");
            case "athena:startQueryExecution" -> sync ? merge(call.athenaQuery(), given, null, null)
                    : merge(JSON.objectNode().put("QueryExecutionId", call.id("QueryExecutionId")), given, call, AWS_JSON_1_1);
            default -> given;
        };
    }

    /**
     * What the service call of a {@code .sync} or {@code .waitForTaskToken} task answered, for the
     * {@code TaskSubmitted} event: the request-response shape of the same call (e.g. SNS's
     * {@code MessageId} with {@code SdkHttpMetadata}, a startExecution's {@code ExecutionArn}).
     */
    public static JsonNode submitted(ServiceCall invocation) {
        ResourceArn arn = ResourceArn.tryParse(invocation.resource()).orElse(null);
        if (arn == null || arn.kind() != ResourceArn.Kind.SERVICE) {
            return JSON.objectNode();
        }
        String requestResponse = invocation.resource().substring(0,
                invocation.resource().length() - arn.pattern().suffix().length());
        return complete(new Submission(invocation, requestResponse), JSON.objectNode());
    }

    /** The request-response call a {@code .sync} or {@code .waitForTaskToken} task starts with. */
    private record Submission(ServiceCall task, String resource) implements ServiceCall {
        @Override
        public String stateName() {
            return task.stateName();
        }

        @Override
        public JsonNode parameters() {
            return task.parameters();
        }

        @Override
        public int invocation() {
            return task.invocation();
        }

        @Override
        public Instant now() {
            return task.now();
        }

        @Override
        public String executionArn() {
            return task.executionArn();
        }
    }

    /** The request id AWS would give this call, the same on every run. */
    public static String requestId(ServiceCall invocation) {
        return AwsIds.uuid(String.valueOf(invocation.executionArn()), invocation.stateName(),
                Integer.toString(invocation.invocation()), "RequestId");
    }

    /**
     * {@code arn:aws:states:::lambda:invoke}'s result: {@code ExecutedVersion}, {@code Payload},
     * {@code SdkHttpMetadata}, {@code SdkResponseMetadata}, {@code StatusCode} 200.
     */
    public static ObjectNode lambdaInvoke(JsonNode payload, String requestId, Instant now) {
        ObjectNode out = JSON.objectNode();
        out.put("ExecutedVersion", "$LATEST");
        out.set("Payload", payload);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Connection", "keep-alive");
        headers.put("Content-Length", Integer.toString(payload.toString().getBytes(StandardCharsets.UTF_8).length));
        headers.put("Content-Type", "application/json");
        headers.put("Date", HTTP_DATE.format(now));
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("x-amzn-RequestId", requestId);
        headers.put("X-Amzn-Trace-Id", "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-"
                + AwsIds.hex(24, requestId, "trace") + ";Sampled=0");
        out.set("SdkHttpMetadata", sdkHttpMetadata(headers, 200));
        out.set("SdkResponseMetadata", JSON.objectNode().put("RequestId", requestId));
        out.put("StatusCode", 200);
        return out;
    }

    /** {@code apigateway:invoke}'s result around a 200 response body. */
    public static ObjectNode apiGatewayInvoke(JsonNode responseBody) {
        ObjectNode out = JSON.objectNode();
        ObjectNode headers = out.putObject("Headers");
        headers.set("Connection", JSON.arrayNode().add("keep-alive"));
        headers.set("Content-Type", JSON.arrayNode().add("application/json"));
        out.set("ResponseBody", responseBody);
        out.put("StatusCode", 200);
        out.put("StatusText", "OK");
        return out;
    }

    /** {@code bedrock:invokeModel}'s result: the model's {@code Body} and its {@code ContentType}. */
    public static ObjectNode bedrockInvokeModel(JsonNode body) {
        ObjectNode out = JSON.objectNode();
        out.set("Body", body);
        out.put("ContentType", "application/json");
        return out;
    }

    /**
     * {@code states:startExecution.sync} ({@code jsonIo} false: {@code Input}/{@code Output} as JSON
     * text) or {@code .sync:2} ({@code jsonIo} true: as JSON): the child's {@code DescribeExecution}.
     */
    public static ObjectNode startExecutionSync(String executionArn, String stateMachineArn, String name,
                                                JsonNode input, JsonNode output, String status,
                                                Instant start, Instant stop, boolean jsonIo) {
        ObjectNode out = JSON.objectNode();
        out.put("ExecutionArn", executionArn);
        out.set("Input", jsonIo ? input : JSON.textNode(input.toString()));
        out.set("InputDetails", JSON.objectNode().put("Included", true));
        out.put("Name", name);
        if (output != null) {
            out.set("Output", jsonIo ? output : JSON.textNode(output.toString()));
            out.set("OutputDetails", JSON.objectNode().put("Included", true));
        }
        out.put("RedriveCount", 0);
        if (status.equals("SUCCEEDED")) {
            out.put("RedriveStatus", "NOT_REDRIVABLE");
            out.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
        } else {
            out.put("RedriveStatus", "REDRIVABLE");
        }
        out.put("StartDate", start.toEpochMilli());
        out.put("StateMachineArn", stateMachineArn);
        out.put("Status", status);
        out.put("StopDate", stop.toEpochMilli());
        return out;
    }

    /**
     * The AWS SDK for Java v1 metadata that optimized integrations add: every header once in
     * {@code HttpHeaders} and as a list in {@code AllHttpHeaders}, and the status code.
     */
    public static ObjectNode sdkHttpMetadata(Map<String, String> headers, int statusCode) {
        ObjectNode all = JSON.objectNode();
        ObjectNode single = JSON.objectNode();
        headers.forEach((name, value) -> {
            all.set(name, JSON.arrayNode().add(value));
            single.put(name, value);
        });
        ObjectNode out = JSON.objectNode();
        out.set("AllHttpHeaders", all);
        out.set("HttpHeaders", single);
        out.put("HttpStatusCode", statusCode);
        return out;
    }

    private static JsonNode startExecutionSync(Call call, JsonNode childOutput) {
        String stateMachineArn = call.param("StateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:Child");
        String name = call.param("Name", call.id("Name"));
        JsonNode input = call.parameters().has("Input") ? call.parameters().get("Input") : JSON.objectNode();
        JsonNode childInput = input.isTextual() ? parseOrText(input.textValue()) : input;
        return startExecutionSync(executionArn(stateMachineArn, name), stateMachineArn, name, childInput,
                childOutput, "SUCCEEDED", call.invocation.now(), call.invocation.now(),
                call.arn.pattern() == IntegrationPattern.SYNC_2);
    }

    private static JsonNode parseOrText(String text) {
        try {
            return JsonReading.tree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.textNode(text);
        }
    }

    /** {@code arn:...:stateMachine:Name} → {@code arn:...:execution:Name:executionName}. */
    public static String executionArn(String stateMachineArn, String executionName) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + executionName;
    }

    /**
     * Defaults overlaid with the given fields (the given ones win); {@code SdkHttpMetadata} and
     * {@code SdkResponseMetadata} added when {@code call} is given. A given non-object is kept as is.
     */
    private static JsonNode merge(ObjectNode defaults, JsonNode given, Call call, String contentType) {
        if (given != null && !given.isObject()) {
            return given;
        }
        if (given != null) {
            defaults.setAll((ObjectNode) given);
        }
        if (call != null) {
            String requestId = call.requestId();
            Map<String, String> headers = new LinkedHashMap<>();
            // the AWS JSON and XML protocols answer with a lower-case header where Lambda's REST one has "Connection"
            headers.put("connection", "keep-alive");
            headers.put("Content-Length", Integer.toString(bodyLength(defaults, contentType, requestId)));
            headers.put("Content-Type", contentType);
            headers.put("Date", HTTP_DATE.format(call.invocation.now()));
            headers.put("x-amzn-RequestId", requestId);
            if (!defaults.has("SdkHttpMetadata")) {
                defaults.set("SdkHttpMetadata", sdkHttpMetadata(headers, 200));
            }
            if (!defaults.has("SdkResponseMetadata")) {
                defaults.set("SdkResponseMetadata", JSON.objectNode().put("RequestId", requestId));
            }
        }
        return defaults;
    }

    /**
     * The length of the body the service sent: SNS's XML {@code PublishResponse} as SNS formats it
     * (294 bytes for any ids, as recorded), else the JSON of the response.
     */
    private static int bodyLength(ObjectNode response, String contentType, String requestId) {
        String body;
        if ("text/xml".equals(contentType)) {
            body = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n"
                    + "  <PublishResult>\n    <MessageId>" + response.path("MessageId").asText() + "</MessageId>\n"
                    + "  </PublishResult>\n  <ResponseMetadata>\n    <RequestId>" + requestId + "</RequestId>\n"
                    + "  </ResponseMetadata>\n</PublishResponse>\n";
        } else {
            body = response.toString();
        }
        return body.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One call's parameters and deterministic ids. */
    private record Call(ServiceCall invocation, ResourceArn arn) {

        JsonNode parameters() {
            return invocation.parameters() == null ? JSON.objectNode() : invocation.parameters();
        }

        String param(String name, String otherwise) {
            JsonNode value = parameters().get(name);
            return value != null && value.isTextual() ? value.textValue() : otherwise;
        }

        String id(String what) {
            return AwsIds.uuid(String.valueOf(invocation.executionArn()), invocation.stateName(),
                    Integer.toString(invocation.invocation()), what);
        }

        String requestId() {
            return ServiceResponses.requestId(invocation);
        }

        long now() {
            return invocation.now().toEpochMilli();
        }

        String region() {
            String[] parts = String.valueOf(invocation.executionArn()).split(":");
            return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "us-east-1";
        }

        String account() {
            String[] parts = String.valueOf(invocation.executionArn()).split(":");
            return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : "123456789012";
        }

        ObjectNode snsPublish() {
            return JSON.objectNode().put("MessageId", id("MessageId"));
        }

        ObjectNode sqsSendMessage() {
            ObjectNode out = JSON.objectNode();
            JsonNode body = parameters().get("MessageBody");
            if (parameters().has("MessageAttributes")) {
                // A stand-in: SQS digests a binary encoding of the attributes; tests need the field, not the digest.
                out.put("MD5OfMessageAttributes", md5(parameters().get("MessageAttributes").toString()));
            }
            out.put("MD5OfMessageBody", md5(body == null ? "" : body.isTextual() ? body.textValue() : body.toString()));
            out.put("MessageId", id("MessageId"));
            return out;
        }

        ObjectNode startExecution() {
            String stateMachineArn = param("StateMachineArn", "arn:aws:states:" + region() + ":" + account() + ":stateMachine:Child");
            ObjectNode out = JSON.objectNode();
            out.put("ExecutionArn", executionArn(stateMachineArn, param("Name", id("Name"))));
            out.put("StartDate", now());
            return out;
        }

        ObjectNode putEvents() {
            ObjectNode out = JSON.objectNode();
            ArrayNode entries = out.putArray("Entries");
            JsonNode requested = parameters().get("Entries");
            int count = requested != null && requested.isArray() ? requested.size() : 1;
            for (int i = 0; i < count; i++) {
                entries.addObject().put("EventId", id("EventId" + i));
            }
            out.put("FailedEntryCount", 0);
            return out;
        }

        /** RunTask's response: the started task in {@code Tasks}. */
        ObjectNode ecsRunTask() {
            ObjectNode out = JSON.objectNode();
            out.putArray("Failures");
            out.putArray("Tasks").add(ecsTask(false));
            return out;
        }

        /** One ECS task; {@code .sync} answers with the stopped task itself, not wrapped in {@code Tasks}. */
        ObjectNode ecsTask(boolean sync) {
            String cluster = param("Cluster", "default");
            String clusterArn = cluster.startsWith("arn:") ? cluster
                    : "arn:aws:ecs:" + region() + ":" + account() + ":cluster/" + cluster;
            ObjectNode task = JSON.objectNode();
            task.put("ClusterArn", clusterArn);
            task.put("DesiredStatus", sync ? "STOPPED" : "RUNNING");
            task.put("LastStatus", sync ? "STOPPED" : "PROVISIONING");
            task.put("LaunchType", param("LaunchType", "FARGATE"));
            task.put("TaskArn", "arn:aws:ecs:" + region() + ":" + account() + ":task/" + cluster + "/" + AwsIds.hex(32, id("Task")));
            task.put("TaskDefinitionArn", param("TaskDefinition", "unknown"));
            if (sync) {
                task.put("StopCode", "EssentialContainerExited");
                task.putArray("Containers").addObject().put("ExitCode", 0).put("LastStatus", "STOPPED");
            }
            return task;
        }

        ObjectNode glueJobRun() {
            ObjectNode out = JSON.objectNode();
            out.put("Attempt", 0);
            out.put("CompletedOn", now());
            out.put("ExecutionTime", 0);
            out.put("Id", "jr_" + AwsIds.hex(64, id("JobRunId")));
            out.put("JobName", param("JobName", "job"));
            out.put("JobRunState", "SUCCEEDED");
            out.put("LastModifiedOn", now());
            out.put("StartedOn", now());
            if (parameters().has("Arguments")) {
                out.set("Arguments", parameters().get("Arguments"));
            }
            return out;
        }

        ObjectNode batchSubmitted() {
            String jobId = id("JobId");
            ObjectNode out = JSON.objectNode();
            out.put("JobArn", "arn:aws:batch:" + region() + ":" + account() + ":job/" + jobId);
            out.put("JobId", jobId);
            out.put("JobName", param("JobName", "job"));
            return out;
        }

        ObjectNode batchJob() {
            ObjectNode out = batchSubmitted();
            out.put("JobDefinition", param("JobDefinition", "unknown"));
            out.put("JobQueue", param("JobQueue", "unknown"));
            out.put("Status", "SUCCEEDED");
            out.put("CreatedAt", now());
            out.put("StartedAt", now());
            out.put("StoppedAt", now());
            out.putArray("Attempts");
            return out;
        }

        ObjectNode athenaQuery() {
            ObjectNode out = JSON.objectNode();
            ObjectNode query = out.putObject("QueryExecution");
            query.put("Query", param("QueryString", ""));
            query.put("QueryExecutionId", id("QueryExecutionId"));
            if (parameters().has("ResultConfiguration")) {
                query.set("ResultConfiguration", parameters().get("ResultConfiguration"));
            }
            query.put("StatementType", "DML");
            ObjectNode status = query.putObject("Status");
            status.put("CompletionDateTime", now());
            status.put("State", "SUCCEEDED");
            status.put("SubmissionDateTime", now());
            query.put("WorkGroup", param("WorkGroup", "primary"));
            return out;
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
