package dev.aslunit.internal.definition.load.cdk;

import java.util.Map;

/**
 * A resource of the app as ASLUnit resolves it: where it is in the CDK app and the values its tokens
 * become in the definition.
 *
 * @param constructPath the CDK construct path without the trailing {@code /Resource}, e.g.
 *     {@code OrdersStack/ChargeCard}
 * @param values {@code "Ref"} and the attributes ({@code "Arn"}, {@code "QueueUrl"}...) to their values,
 *     e.g. {@code Arn -> arn:aws:lambda:us-east-1:123456789012:function:ChargeCard3ED9622A}
 */
public record CdkResource(String constructPath, String logicalId, String type, String stackName,
        Map<String, String> values) {

    public CdkResource {
        values = Map.copyOf(values);
    }
}
