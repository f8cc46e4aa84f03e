package dev.aslunit.internal.validation;

import java.util.Map;
import java.util.Set;

/**
 * The fields ASL allows where, as AWS's validation has them: at the top of a state machine, in a
 * Parallel branch and a Map's item processor, per state type, in a retrier and a catcher. Fields
 * that belong to the other query language are allowed here and reported by
 * {@link dev.aslunit.internal.jsonata.JsonataChecker}.
 */
final class StateFields {

    static final Set<String> TOP_FIELDS = Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version",
            "QueryLanguage");
    static final Set<String> BRANCH_FIELDS = Set.of("Comment", "StartAt", "States");
    static final Set<String> PROCESSOR_FIELDS = Set.of("Comment", "StartAt", "States", "ProcessorConfig");

    static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    static final Map<String, Set<String>> STATE_FIELDS = Map.of(
            "Task", Set.of("Resource", "Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector",
                    "ResultPath", "Arguments", "Output", "Assign", "Retry", "Catch", "TimeoutSeconds",
                    "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"),
            "Pass", Set.of("Next", "End", "InputPath", "OutputPath", "Parameters", "Result", "ResultPath", "Output",
                    "Assign"),
            "Choice", Set.of("Choices", "Default", "InputPath", "OutputPath", "Output", "Assign"),
            "Wait", Set.of("Next", "End", "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "InputPath",
                    "OutputPath", "Output", "Assign"),
            "Succeed", Set.of("InputPath", "OutputPath", "Output"),
            "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
            "Parallel", Set.of("Branches", "Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector",
                    "ResultPath", "Arguments", "Output", "Assign", "Retry", "Catch"),
            "Map", Set.of("ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "Parameters",
                    "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath",
                    "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount",
                    "ToleratedFailureCountPath", "Label", "Next", "End", "InputPath", "OutputPath", "ResultSelector",
                    "ResultPath", "Output", "Assign", "Retry", "Catch"));

    static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Output", "Assign",
            "Comment");

    private StateFields() {
    }
}
