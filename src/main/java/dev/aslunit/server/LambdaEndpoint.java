package dev.aslunit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.integration.IntegrationPattern;
import dev.aslunit.internal.integration.ResourceArn;
import dev.aslunit.internal.integration.ServiceResponses;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers Lambda tasks ({@code arn:aws:states:::lambda:invoke} and Lambda function ARNs) by calling
 * the Lambda Invoke API of an endpoint the user names, as Step Functions Local's
 * {@code LAMBDA_ENDPOINT} does: {@code sam local start-lambda}, a Lambda runtime emulator, or a stub.
 * The call is synchronous: the execution's clock does not move while the function runs.
 */
final class LambdaEndpoint implements TaskHandler {

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LambdaEndpoint(URI endpoint) {
        String text = endpoint.toString();
        this.endpoint = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    @Override
    public Optional<TaskOutcome> answer(TaskInvocation invocation) {
        ResourceArn arn = ResourceArn.tryParse(invocation.resource()).orElse(null);
        if (arn == null) {
            return Optional.empty();
        }
        boolean wrapped = arn.isLambdaInvoke() && arn.pattern() == IntegrationPattern.REQUEST_RESPONSE;
        if (!wrapped && arn.kind() != ResourceArn.Kind.LAMBDA_FUNCTION) {
            return Optional.empty();
        }
        JsonNode parameters = invocation.parameters();
        String function = wrapped ? parameters.path("FunctionName").asText("") : invocation.resource();
        JsonNode payload = wrapped ? parameters.path("Payload") : parameters;
        if (payload.isMissingNode()) {
            payload = Wire.MAPPER.createObjectNode();
        }
        return Optional.of(invoke(functionName(function), payload, wrapped, invocation));
    }

    private TaskOutcome invoke(String function, JsonNode payload, boolean wrapped, TaskInvocation invocation) {
        URI uri = URI.create(endpoint + "/2015-03-31/functions/" + URLEncoder.encode(function, StandardCharsets.UTF_8)
                + "/invocations");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("X-Amz-Invocation-Type", "RequestResponse")
                .timeout(Duration.ofMinutes(15))
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return TaskOutcome.failed("Lambda.SdkClientException", "Unable to execute HTTP request to the Lambda "
                    + "endpoint " + endpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TaskOutcome.failed("Lambda.SdkClientException", "Interrupted while calling " + uri);
        }
        String body = response.body();
        int status = response.statusCode();
        if (status == 404) {
            return TaskOutcome.failed("Lambda.ResourceNotFoundException", "Function not found: " + function
                    + " (Service: AWSLambda; Status Code: 404; endpoint " + endpoint + ")");
        }
        if (status == 429) {
            return TaskOutcome.failed("Lambda.TooManyRequestsException", body);
        }
        if (status >= 400) {
            return TaskOutcome.failed("Lambda.ServiceException", "Status Code: " + status + ": " + body);
        }
        JsonNode result = parse(body);
        if (response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
            // As AWS: the error is the function's errorType, the cause its whole error object.
            String error = result.path("errorType").asText("");
            return TaskOutcome.failed(error.isEmpty() ? "Lambda.Unknown" : error, body);
        }
        return TaskOutcome.succeeded(wrapped
                ? ServiceResponses.lambdaInvoke(result, ServiceResponses.requestId(invocation), invocation.now())
                : result);
    }

    /** The function's name from a name, a partial ARN or a full ARN, without its version or alias. */
    static String functionName(String function) {
        int at = function.indexOf("function:");
        String name = at < 0 ? function : function.substring(at + "function:".length());
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = Wire.MAPPER.readTree(body);
            return node == null ? Wire.MAPPER.nullNode() : node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(body);
        }
    }
}
