package dev.aslunit;

import dev.aslunit.internal.definition.StateMachineDefinition;
import java.time.Duration;

/** Hand-written histories, in AWS's shapes, of the workflows the assertion tests talk about. */
public final class SampleExecutions {

    public static final String START = "2026-01-05T09:00:00Z";

    public static final StateMachineDefinition ORDER_PROCESSING = HistoryBuilder.definition("""
        {"StartAt": "ValidateOrder", "States": {
          "ValidateOrder": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "validate-order", "Payload.$": "$"},
            "ResultSelector": {"valid.$": "$.Payload.valid"}, "ResultPath": "$.validation", "Next": "NeedsApproval"},
          "NeedsApproval": {"Type": "Choice",
            "Choices": [{"Variable": "$.total", "NumericGreaterThan": 1000, "Next": "AwaitApproval"}],
            "Default": "ChargePayment"},
          "AwaitApproval": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters": {"QueueUrl": "https://sqs.eu-west-1.amazonaws.com/123456789012/approvals",
                           "MessageBody": {"orderId.$": "$.orderId", "token.$": "$$.Task.Token"}},
            "TimeoutSeconds": 86400, "ResultPath": "$.approval",
            "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.error", "Next": "ApprovalExpired"}],
            "Next": "ChargePayment"},
          "ChargePayment": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "charge-payment", "Payload.$": "$"},
            "ResultSelector": {"paymentId.$": "$.Payload.paymentId"}, "ResultPath": "$.payment",
            "TimeoutSeconds": 30,
            "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "BackoffRate": 2.0, "MaxAttempts": 3}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "NotifyCustomer"}],
            "Next": "ShipOrder"},
          "ShipOrder": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "ship-order", "Payload.$": "$"},
            "ResultSelector": {"trackingId.$": "$.Payload.trackingId"}, "ResultPath": "$.shipment", "Next": "Done"},
          "NotifyCustomer": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "notify-customer", "Payload.$": "$"}, "ResultPath": null, "Next": "PaymentFailed"},
          "PaymentFailed": {"Type": "Fail", "Error": "PaymentFailed", "Cause": "Payment could not be charged"},
          "ApprovalExpired": {"Type": "Fail", "Error": "ApprovalExpired", "Cause": "No approval within 24 hours"},
          "Done": {"Type": "Succeed"}
        }}""");

    public static final String ORDER = "{\"orderId\":\"o-17\",\"total\":250}";
    static final String VALIDATED = "{\"orderId\":\"o-17\",\"total\":250,\"validation\":{\"valid\":true}}";
    static final String PAID = "{\"orderId\":\"o-17\",\"total\":250,\"validation\":{\"valid\":true},\"payment\":{\"paymentId\":\"pay-1\"}}";
    public static final String SHIPPED = "{\"orderId\":\"o-17\",\"total\":250,\"validation\":{\"valid\":true},"
            + "\"payment\":{\"paymentId\":\"pay-1\"},\"shipment\":{\"trackingId\":\"TRK-9\"}}";

    private SampleExecutions() {
    }

    private static HistoryBuilder validatedAndRouted() {
        return HistoryBuilder.startingAt(START, ORDER)
                .entered("Task", "ValidateOrder", ORDER)
                .lambdaSucceeds("{\"valid\":true}")
                .exited("Task", "ValidateOrder", VALIDATED)
                .entered("Choice", "NeedsApproval", VALIDATED)
                .exited("Choice", "NeedsApproval", VALIDATED);
    }

    /** ChargePayment is throttled twice, retried after 2s and 4s, and the order ships: 6s in all. */
    public static Execution throttledThenShipped() {
        return validatedAndRouted()
                .entered("Task", "ChargePayment", VALIDATED)
                .lambdaFails("Lambda.TooManyRequestsException", "Rate exceeded")
                .at(Duration.ofSeconds(2))
                .lambdaFails("Lambda.TooManyRequestsException", "Rate exceeded")
                .at(Duration.ofSeconds(6))
                .lambdaSucceeds("{\"paymentId\":\"pay-1\"}")
                .exited("Task", "ChargePayment", PAID)
                .entered("Task", "ShipOrder", PAID)
                .lambdaSucceeds("{\"trackingId\":\"TRK-9\"}")
                .exited("Task", "ShipOrder", SHIPPED)
                .entered("Succeed", "Done", SHIPPED)
                .exited("Succeed", "Done", SHIPPED)
                .succeeded(SHIPPED)
                .execution("o-17", ORDER_PROCESSING);
    }

    /** ChargePayment is throttled four times; the retries run out, Catch sends it to NotifyCustomer. */
    public static Execution retriesExhausted() {
        String caught = "{\"orderId\":\"o-17\",\"total\":250,\"validation\":{\"valid\":true},"
                + "\"error\":{\"Error\":\"Lambda.TooManyRequestsException\",\"Cause\":\"Rate exceeded\"}}";
        return notifiedAndFailed(validatedAndRouted()
                .entered("Task", "ChargePayment", VALIDATED)
                .lambdaFails("Lambda.TooManyRequestsException", "Rate exceeded")
                .at(Duration.ofSeconds(2))
                .lambdaFails("Lambda.TooManyRequestsException", "Rate exceeded")
                .at(Duration.ofSeconds(6))
                .lambdaFails("Lambda.TooManyRequestsException", "Rate exceeded")
                .at(Duration.ofSeconds(14))
                .lambdaFails("Lambda.TooManyRequestsException", "Rate exceeded")
                .exited("Task", "ChargePayment", caught), caught);
    }

    /** ChargePayment answers after 45s; its 30s TimeoutSeconds fires first and Catch takes over. */
    public static Execution paymentTimedOut() {
        String caught = "{\"orderId\":\"o-17\",\"total\":250,\"validation\":{\"valid\":true},"
                + "\"error\":{\"Error\":\"States.Timeout\"}}";
        return notifiedAndFailed(validatedAndRouted()
                .entered("Task", "ChargePayment", VALIDATED)
                .taskScheduled("lambda", "invoke", "{}")
                .taskStarted("lambda", "invoke")
                .at(Duration.ofSeconds(30))
                .taskTimedOut("lambda", "invoke")
                .exited("Task", "ChargePayment", caught), caught);
    }

    /** After ChargePayment's Catch: NotifyCustomer is told, and the execution fails. */
    private static Execution notifiedAndFailed(HistoryBuilder caughtAtChargePayment, String caught) {
        return caughtAtChargePayment
                .entered("Task", "NotifyCustomer", caught)
                .lambdaSucceeds("{}")
                .exited("Task", "NotifyCustomer", caught)
                .entered("Fail", "PaymentFailed", caught)
                .failed("PaymentFailed", "Payment could not be charged")
                .execution("o-17", ORDER_PROCESSING);
    }

    /** A large order: waiting at AwaitApproval for a manager's task token. */
    public static Execution waitingForApproval() {
        String order = "{\"orderId\":\"o-18\",\"total\":5000}";
        String validated = "{\"orderId\":\"o-18\",\"total\":5000,\"validation\":{\"valid\":true}}";
        return HistoryBuilder.startingAt(START, order)
                .entered("Task", "ValidateOrder", order)
                .lambdaSucceeds("{\"valid\":true}")
                .exited("Task", "ValidateOrder", validated)
                .entered("Choice", "NeedsApproval", validated)
                .exited("Choice", "NeedsApproval", validated)
                .entered("Task", "AwaitApproval", validated)
                .taskScheduled("sqs", "sendMessage.waitForTaskToken", "{}")
                .taskStarted("sqs", "sendMessage.waitForTaskToken")
                .event("TaskSubmitted", "taskSubmittedEventDetails",
                        "{\"resourceType\":\"sqs\",\"resource\":\"sendMessage.waitForTaskToken\",\"output\":\"{}\"}")
                .execution("o-18", ORDER_PROCESSING);
    }

    public static final StateMachineDefinition BATCH = HistoryBuilder.definition("""
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Assign": {"batchId.$": "$.batchId"}, "Next": "ChargeAll"},
          "ChargeAll": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2, "ToleratedFailureCount": 1,
            "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Charge", "States": {
              "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
                 "Catch": [{"ErrorEquals": ["Card.Declined"], "Next": "Declined"}], "Next": "Charged"},
              "Declined": {"Type": "Fail", "Error": "Card.Declined", "Cause": "declined"},
              "Charged": {"Type": "Succeed"}}},
            "Next": "Report"},
          "Report": {"Type": "Parallel", "Branches": [
              {"StartAt": "Email", "States": {"Email": {"Type": "Pass", "End": true}}},
              {"StartAt": "Audit", "States": {"Audit": {"Type": "Pass", "Next": "Archive"},
                                              "Archive": {"Type": "Pass", "End": true}}}],
            "End": true}
        }}""");

    /**
     * Three items charged two at a time; item 1's card is declined and its iteration fails, which
     * ToleratedFailureCount 1 allows; then a Parallel report with two branches.
     */
    public static Execution batch() {
        String input = "{\"batchId\":\"b-1\",\"items\":[{\"id\":1},{\"id\":2},{\"id\":3}]}";
        HistoryBuilder h = HistoryBuilder.startingAt(START, input)
                .entered("Pass", "Prepare", input)
                .exitedAssigning("Pass", "Prepare", input, "{\"batchId\":\"b-1\"}")
                .entered("Map", "ChargeAll", input)
                .event("MapStateStarted", "mapStateStartedEventDetails", "{\"length\":3}");
        long mapStarted = h.lastId();
        h.event("MapIterationStarted", "mapIterationStartedEventDetails", "{\"name\":\"ChargeAll\",\"index\":0}");
        long it0 = h.lastId();
        h.after(mapStarted).event("MapIterationStarted", "mapIterationStartedEventDetails", "{\"name\":\"ChargeAll\",\"index\":1}");
        long it1 = h.lastId();
        h.after(it0).entered("Task", "Charge", "{\"id\":1}");
        long charge0 = h.lastId();
        h.after(it1).entered("Task", "Charge", "{\"id\":2}");
        long charge1 = h.lastId();
        h.after(charge0).lambdaSucceeds("{\"ok\":true}").exited("Task", "Charge", "{\"ok\":true}")
                .entered("Succeed", "Charged", "{\"ok\":true}").exited("Succeed", "Charged", "{\"ok\":true}")
                .event("MapIterationSucceeded", "mapIterationSucceededEventDetails", "{\"name\":\"ChargeAll\",\"index\":0}");
        long done0 = h.lastId();
        h.after(charge1).lambdaFails("Card.Declined", "insufficient funds")
                .exited("Task", "Charge", "{\"Error\":\"Card.Declined\",\"Cause\":\"insufficient funds\"}")
                .entered("Fail", "Declined", "{\"Error\":\"Card.Declined\",\"Cause\":\"insufficient funds\"}")
                .event("MapIterationFailed", "mapIterationFailedEventDetails", "{\"name\":\"ChargeAll\",\"index\":1}");
        h.after(done0).event("MapIterationStarted", "mapIterationStartedEventDetails", "{\"name\":\"ChargeAll\",\"index\":2}")
                .entered("Task", "Charge", "{\"id\":3}")
                .at(Duration.ofSeconds(1))
                .lambdaSucceeds("{\"ok\":true}").exited("Task", "Charge", "{\"ok\":true}")
                .entered("Succeed", "Charged", "{\"ok\":true}").exited("Succeed", "Charged", "{\"ok\":true}")
                .event("MapIterationSucceeded", "mapIterationSucceededEventDetails", "{\"name\":\"ChargeAll\",\"index\":2}")
                .event("MapStateSucceeded", null, null)
                .exited("Map", "ChargeAll", "[{\"ok\":true},null,{\"ok\":true}]")
                .entered("Parallel", "Report", "[{\"ok\":true},null,{\"ok\":true}]")
                .event("ParallelStateStarted", null, null);
        long parallelStarted = h.lastId();
        h.entered("Pass", "Email", "{}").exited("Pass", "Email", "{}");
        long email = h.lastId();
        h.after(parallelStarted).entered("Pass", "Audit", "{}").exited("Pass", "Audit", "{}")
                .entered("Pass", "Archive", "{}").exited("Pass", "Archive", "{}");
        return h.after(email).event("ParallelStateSucceeded", null, null)
                .exited("Parallel", "Report", "[{},{}]")
                .succeeded("[{},{}]")
                .execution("batch-1", BATCH);
    }
}
