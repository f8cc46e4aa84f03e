package dev.aslunit.internal.validation;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API actions of the optimized integrations whose list AWS's developer guide gives in full
 * ("Integrating optimized services with Step Functions" and each service's page), so that
 * {@code arn:aws:states:::dynamodb:query} is refused as AWS refuses it. {@code aws-sdk:*} names any
 * API of any service and is not judged; neither is a service whose list is not here (SageMaker, EMR,
 * EKS, CodeBuild, Bedrock...), so an integration AWS adds later is not rejected by mistake.
 */
final class OptimizedIntegrations {

    private static final Map<String, Set<String>> ACTIONS = Map.ofEntries(
            Map.entry("lambda", Set.of("invoke")),
            Map.entry("dynamodb", Set.of("getItem", "putItem", "updateItem", "deleteItem")),
            Map.entry("sns", Set.of("publish")),
            Map.entry("sqs", Set.of("sendMessage")),
            Map.entry("events", Set.of("putEvents")),
            Map.entry("apigateway", Set.of("invoke")),
            Map.entry("http", Set.of("invoke")),
            Map.entry("batch", Set.of("submitJob")),
            Map.entry("glue", Set.of("startJobRun")),
            Map.entry("databrew", Set.of("startJobRun")),
            Map.entry("ecs", Set.of("runTask")),
            Map.entry("states", Set.of("startExecution")),
            Map.entry("mediaconvert", Set.of("createJob")),
            Map.entry("athena", Set.of("startQueryExecution", "stopQueryExecution", "getQueryExecution",
                    "getQueryResults")));

    private OptimizedIntegrations() {
    }

    /**
     * @param integration the part of a Task's ARN after {@code arn:aws:states:::}, e.g.
     *     {@code sqs:sendMessage.waitForTaskToken}
     * @return why AWS does not offer it, or null when it does (or ASLUnit cannot tell)
     */
    static String unknownAction(String integration) {
        String[] parts = integration.split(":", 3);
        if (parts.length < 2 || parts[0].equals("aws-sdk")) {
            return null;
        }
        Set<String> actions = ACTIONS.get(parts[0]);
        String action = parts[1].replaceFirst("\\.(sync|waitForTaskToken)$", "");
        if (actions == null || actions.contains(action)) {
            return null;
        }
        return "Step Functions' optimized " + parts[0] + " integration has no action \"" + action + "\"; it offers "
                + String.join(", ", new TreeSet<>(actions)) + ". Other APIs are called through the AWS SDK "
                + "integration, e.g. \"arn:aws:states:::aws-sdk:" + parts[0] + ":" + action + "\"";
    }
}
