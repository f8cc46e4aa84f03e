package dev.aslunit.internal.definition.load.cdk;

/**
 * The values of CloudFormation's pseudo parameters for one stack. The partition and URL suffix follow
 * from the region, as in AWS: {@code cn-*} is {@code aws-cn} / {@code amazonaws.com.cn},
 * {@code us-gov-*} is {@code aws-us-gov}.
 */
record Environment(String region, String accountId, String stackName) {

    String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    String urlSuffix() {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    /** {@code arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE}. */
    String arn(String service, String resource) {
        return "arn:" + partition() + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    /** An ARN of a global service (IAM, S3): no region, and for S3 no account either. */
    String globalArn(String service, String account, String resource) {
        return "arn:" + partition() + ":" + service + "::" + account + ":" + resource;
    }

    String stackId() {
        return arn("cloudformation", "stack/" + stackName + "/" + ResourceValues.uuid(stackName));
    }
}
