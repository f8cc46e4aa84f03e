package dev.aslunit.internal.passthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.integration.IntegrationPattern;
import dev.aslunit.internal.integration.ResourceArn;
import dev.aslunit.internal.integration.ServiceResponses;
import dev.aslunit.internal.json.Json;
import java.util.Map;

/**
 * A passed-through Task's call and its answer as Step Functions shapes it: a Lambda function ARN and
 * {@code lambda:invoke} (the function's error as the error, its error object as the cause), the
 * optimized DynamoDB, SQS, SNS and EventBridge actions (the result completed by
 * {@link ServiceResponses} exactly as a mock's), {@code states:startExecution} with its {@code .sync}
 * patterns ({@link NestedExecutions}), and {@code aws-sdk:<service>:<action>} for any service whose
 * client is on the classpath ({@code <Service>.<Code>Exception} errors).
 */
final class Integrations {

    /** An optimized integration's service: its SDK package, its error prefix and the SDK v1 name Step Functions' causes carry. */
    private record Optimized(String sdkPackage, String errorPrefix, String causeService) {
    }

    /** The one {@code .sync} integration passed through: a nested execution, polled until it ends. */
    private static final String NESTED = "states:startExecution";

    private static final Map<String, Optimized> OPTIMIZED = Map.of(
            "lambda:invoke", new Optimized("lambda", "Lambda", "AWSLambda"),
            "dynamodb:getItem", new Optimized("dynamodb", "DynamoDB", "AmazonDynamoDBv2"),
            "dynamodb:putItem", new Optimized("dynamodb", "DynamoDB", "AmazonDynamoDBv2"),
            "dynamodb:updateItem", new Optimized("dynamodb", "DynamoDB", "AmazonDynamoDBv2"),
            "dynamodb:deleteItem", new Optimized("dynamodb", "DynamoDB", "AmazonDynamoDBv2"),
            "sqs:sendMessage", new Optimized("sqs", "SQS", "AmazonSQS"),
            "sns:publish", new Optimized("sns", "SNS", "AmazonSNS"),
            "events:putEvents", new Optimized("eventbridge", "EventBridge", "AmazonEventBridge"),
            NESTED, new Optimized("sfn", "StepFunctions", "AWSStepFunctions"));

    private static final Optimized LAMBDA = OPTIMIZED.get("lambda:invoke");

    private final SdkGateway sdk;
    private final NestedExecutions nested;

    Integrations(SdkGateway sdk, NestedExecutions.Polling polling) {
        this.sdk = sdk;
        this.nested = new NestedExecutions(sdk, polling);
    }

    private static boolean nested(ResourceArn arn) {
        return NESTED.equals(arn.service() + ":" + arn.action());
    }

    /** The SDK package a resource calls, for the check at declaration; {@code null} when it cannot be passed through. */
    static String sdkPackage(ResourceArn arn) {
        if (arn.kind() == ResourceArn.Kind.LAMBDA_FUNCTION) {
            return LAMBDA.sdkPackage();
        }
        if (arn.kind() != ResourceArn.Kind.SERVICE || arn.pattern().isSync() && !nested(arn)) {
            return null;
        }
        if (arn.isSdkIntegration()) {
            return arn.service().substring("aws-sdk:".length());
        }
        Optimized o = OPTIMIZED.get(arn.service() + ":" + arn.action());
        return o == null ? null : o.sdkPackage();
    }

    /** Why a resource cannot be passed through, for the message; {@code null} when it can. */
    static String unsupported(ResourceArn arn) {
        if (arn.kind() == ResourceArn.Kind.ACTIVITY) {
            return "an activity has no endpoint to call: its worker answers; send its callback from the test";
        }
        if (arn.pattern().isSync() && !nested(arn)) {
            return "the " + arn.pattern().suffix() + " pattern is passed through only for states:startExecution"
                    + " (a nested execution); mock the Task";
        }
        if (sdkPackage(arn) == null) {
            return "ASLUnit passes through Lambda functions, lambda:invoke, dynamodb getItem/putItem/updateItem/"
                    + "deleteItem, sqs:sendMessage, sns:publish, events:putEvents, states:startExecution and aws-sdk:*;"
                    + " mock the Task,"
                    + " or call the same action through arn:aws:states:::aws-sdk:<service>:<action>";
        }
        return null;
    }

    TaskOutcome answer(TaskInvocation invocation, ResourceArn arn) {
        String pkg = sdkPackage(arn);
        if (arn.kind() == ResourceArn.Kind.LAMBDA_FUNCTION) {
            ObjectNode request = Json.nodes().objectNode();
            request.put("FunctionName", invocation.resource());
            request.put("Payload", invocation.parameters().toString());
            return lambda(invocation, request, false);
        }
        if (arn.isLambdaInvoke()) {
            ObjectNode request = invocation.parameters().deepCopy();
            JsonNode payload = request.get("Payload");
            if (payload != null) {
                // Step Functions sends the Payload as JSON, also a string payload
                request.put("Payload", payload.toString());
            }
            return lambda(invocation, request, true);
        }
        try {
            if (nested(arn)) {
                return nested.answer(invocation, arn);
            }
            ObjectNode response = sdk.call(pkg, arn.action(), invocation.parameters(), invocation.resource());
            if (arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
                return new TaskOutcome.NoAnswer();
            }
            JsonNode result = arn.isSdkIntegration() ? response : ServiceResponses.complete(invocation, response);
            return TaskOutcome.succeeded(result);
        } catch (SdkGateway.CallFailed f) {
            if (arn.isSdkIntegration()) {
                return TaskOutcome.failed(f.service + "." + exception(f.code), f.getMessage());
            }
            Optimized o = OPTIMIZED.get(arn.service() + ":" + arn.action());
            return failed(o, f);
        }
    }

    private TaskOutcome lambda(TaskInvocation invocation, ObjectNode request, boolean wrapped) {
        ObjectNode response;
        try {
            response = sdk.call(LAMBDA.sdkPackage(), "invoke", request, invocation.resource());
        } catch (SdkGateway.CallFailed f) {
            return failed(LAMBDA, f);
        }
        String body = response.path("Payload").asText("");
        JsonNode payload = parse(body);
        if (response.hasNonNull("FunctionError")) {
            // as Step Functions: the function's errorType is the error, its whole error object the cause
            String error = payload.path("errorType").asText("");
            return TaskOutcome.failed(error.isEmpty() ? "Lambda.Unknown" : error, body);
        }
        ResourceArn arn = ResourceArn.parse(invocation.resource());
        if (arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            return new TaskOutcome.NoAnswer();
        }
        return TaskOutcome.succeeded(wrapped ? ServiceResponses.complete(invocation, payload) : payload);
    }

    /** An optimized integration's error: {@code Lambda.ResourceNotFoundException}, with the cause in the SDK v1 form Step Functions writes. */
    private static TaskOutcome failed(Optimized o, SdkGateway.CallFailed f) {
        String error = o.errorPrefix() + "." + exception(f.code);
        if (f.status == 0) {
            return TaskOutcome.failed(error, f.message);
        }
        String cause = f.message + " (Service: " + o.causeService() + "; Status Code: " + f.status + "; Error Code: "
                + f.code + "; Request ID: " + f.requestId + "; Proxy: null)";
        return TaskOutcome.failed(error, cause);
    }

    /** Step Functions names every service error with the Exception suffix, also where the service's own code lacks it. */
    private static String exception(String code) {
        return code.endsWith("Exception") ? code : code + "Exception";
    }

    private static JsonNode parse(String body) {
        if (body.isEmpty()) {
            return Json.nodes().nullNode();
        }
        try {
            return Json.parse(body);
        } catch (java.io.IOException e) {
            return TextNode.valueOf(body);
        }
    }
}
