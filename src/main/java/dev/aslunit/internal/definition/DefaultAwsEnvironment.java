package dev.aslunit.internal.definition;

/**
 * The account and region ASLUnit uses when nobody names one: in the engine's ARNs (executions, Map
 * Runs, the execution role), the server's, and the values the CDK loader gives {@code AWS::AccountId},
 * {@code AWS::Region} and the ARNs it builds. One choice, so that an ARN the CDK loader resolves is
 * the ARN an execution reports. {@code 111111111111} is the account the recorded AWS histories ASLUnit
 * is measured against carry (their accounts are normalised to it), so histories compare as recorded.
 * Every front end can set others: {@code ExecutionOptions.Builder.accountId/region},
 * {@code StepFunctionsConfig.Builder.accountId/region}, {@code aslunit run|serve --aws-account/--aws-region},
 * {@code CdkApp.withAccountId/withRegion}, {@code DefinitionLoader.awsEnvironment}.
 */
public final class DefaultAwsEnvironment {

    public static final String ACCOUNT_ID = "111111111111";
    public static final String REGION = "us-east-1";

    private DefaultAwsEnvironment() {
    }
}
