package dev.aslunit.internal.integration;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Task's {@code Resource}, taken apart the way Step Functions reads it:
 * <ul>
 *   <li>{@link Kind#SERVICE} {@code arn:aws:states:::sqs:sendMessage.waitForTaskToken},
 *       {@code arn:aws:states:::aws-sdk:s3:getObject}, {@code arn:aws:states:::http:invoke};</li>
 *   <li>{@link Kind#LAMBDA_FUNCTION} {@code arn:aws:lambda:us-east-1:123456789012:function:name[:alias]}
 *       (the legacy integration with the {@code LambdaFunction*} history events);</li>
 *   <li>{@link Kind#ACTIVITY} {@code arn:aws:states:us-east-1:123456789012:activity:name}.</li>
 * </ul>
 *
 * @param arn          the resource as written
 * @param kind         which of the three
 * @param partition    {@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...
 * @param region       the ARN's region; empty for {@code arn:aws:states:::...}
 * @param account      the ARN's account; empty for {@code arn:aws:states:::...}
 * @param service      {@code sqs}, {@code lambda}, {@code aws-sdk:s3}, {@code http}; for a Lambda
 *                     function {@code lambda}, for an activity {@code activity}
 * @param action       {@code sendMessage}, {@code invoke}, {@code getObject}; the function or
 *                     activity name for those kinds
 * @param pattern      from the suffix; {@code REQUEST_RESPONSE} for functions and activities
 */
public record ResourceArn(
        String arn,
        Kind kind,
        String partition,
        String region,
        String account,
        String service,
        String action,
        IntegrationPattern pattern) {

    /** The three kinds of resource a Task can name. */
    public enum Kind { SERVICE, LAMBDA_FUNCTION, ACTIVITY }

    /** How a Task's {@code Resource} is written, judged by its text alone, as AWS's definition validation does. */
    public enum Form {
        /** Not {@code arn:<partition>:<service>:<region>:<account>:<resource>} of a known partition. */
        NOT_AN_ARN,
        /** A Step Functions ARN of a service integration or an activity. */
        STATES,
        /** A Lambda function ARN, with an optional version or alias. */
        LAMBDA_FUNCTION,
        /** An ARN, but of no shape a Task's Resource has. */
        MALFORMED
    }

    /**
     * A Resource as written: its {@link Form}, and for an ARN its service and the part after the
     * account ({@code lambda:invoke.waitForTaskToken}, {@code activity:name}, {@code function:name}).
     */
    public record Written(Form form, String service, String resourcePart) {
    }

    private static final Pattern ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc):([a-z0-9-]+):([a-z0-9-]*):(\\d{12})?:(.+)");
    private static final Pattern INTEGRATION = Pattern.compile("[a-zA-Z0-9-]+:[a-zA-Z0-9-]+(:[a-zA-Z0-9.:-]+)?"
            + "(\\.sync(:2)?|\\.waitForTaskToken)?");
    private static final Pattern LAMBDA = Pattern.compile("function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    private static final Pattern ACTIVITY = Pattern.compile("activity:[^\\s]+");

    private static final Set<IntegrationPattern> REQUEST_ONLY = EnumSet.of(IntegrationPattern.REQUEST_RESPONSE);
    private static final Set<IntegrationPattern> SYNC = EnumSet.of(IntegrationPattern.REQUEST_RESPONSE,
            IntegrationPattern.SYNC);
    private static final Set<IntegrationPattern> TOKEN = EnumSet.of(IntegrationPattern.REQUEST_RESPONSE,
            IntegrationPattern.WAIT_FOR_TASK_TOKEN);
    private static final Set<IntegrationPattern> SYNC_AND_TOKEN = EnumSet.of(IntegrationPattern.REQUEST_RESPONSE,
            IntegrationPattern.SYNC, IntegrationPattern.WAIT_FOR_TASK_TOKEN);

    /** AWS's optimized-integrations table (Step Functions developer guide, "Optimized integrations"). */
    private static final Map<String, Set<IntegrationPattern>> OPTIMIZED = Map.ofEntries(
            Map.entry("apigateway", TOKEN),
            Map.entry("athena", SYNC),
            Map.entry("batch", SYNC),
            Map.entry("bedrock", SYNC_AND_TOKEN),
            Map.entry("codebuild", SYNC),
            Map.entry("dynamodb", REQUEST_ONLY),
            Map.entry("ecs", SYNC_AND_TOKEN),
            Map.entry("eks", SYNC_AND_TOKEN),
            Map.entry("elasticmapreduce", SYNC),
            Map.entry("emr-containers", SYNC),
            Map.entry("emr-serverless", SYNC),
            Map.entry("events", TOKEN),
            Map.entry("glue", SYNC),
            Map.entry("databrew", SYNC),
            Map.entry("lambda", TOKEN),
            Map.entry("mediaconvert", SYNC),
            Map.entry("sagemaker", SYNC),
            Map.entry("sns", TOKEN),
            Map.entry("sqs", TOKEN),
            Map.entry("states", EnumSet.allOf(IntegrationPattern.class)),
            Map.entry("http", REQUEST_ONLY));

    /**
     * Parses a resource ARN.
     *
     * @throws IllegalArgumentException with a message naming the expected shapes when it is none of them
     */
    public static ResourceArn parse(String resource) {
        return tryParse(resource).orElseThrow(() -> new IllegalArgumentException("\"" + resource
                + "\" is not a Task resource. Expected arn:aws:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken],"
                + " arn:aws:states:::aws-sdk:<service>:<action>, arn:aws:lambda:<region>:<account>:function:<name>"
                + " or arn:aws:states:<region>:<account>:activity:<name>."));
    }

    /** The last resource parsed and its result: a state's resource is parsed again at each of its calls. */
    private record Parsed(String resource, Optional<ResourceArn> arn) {
    }

    private static volatile Parsed last;

    /** As {@link #parse}, empty when the resource has none of the shapes. */
    public static Optional<ResourceArn> tryParse(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        Parsed known = last;
        if (known != null && known.resource().equals(resource)) {
            return known.arn();
        }
        Optional<ResourceArn> arn = read(resource);
        last = new Parsed(resource, arn);
        return arn;
    }

    private static Optional<ResourceArn> read(String resource) {
        String[] part = resource.split(":", 6);
        if (part.length < 6 || !part[0].equals("arn") || part[1].isEmpty()) {
            return Optional.empty();
        }
        String partition = part[1];
        String region = part[3];
        String account = part[4];
        String rest = part[5];
        if (part[2].equals("lambda") && rest.startsWith("function:") && rest.length() > "function:".length()) {
            return Optional.of(new ResourceArn(resource, Kind.LAMBDA_FUNCTION, partition, region, account, "lambda",
                    rest.substring("function:".length()), IntegrationPattern.REQUEST_RESPONSE));
        }
        if (!part[2].equals("states")) {
            return Optional.empty();
        }
        if (rest.startsWith("activity:") && rest.length() > "activity:".length()) {
            return Optional.of(new ResourceArn(resource, Kind.ACTIVITY, partition, region, account, "activity",
                    rest.substring("activity:".length()), IntegrationPattern.REQUEST_RESPONSE));
        }
        IntegrationPattern pattern = IntegrationPattern.REQUEST_RESPONSE;
        for (IntegrationPattern p : new IntegrationPattern[] {
                IntegrationPattern.SYNC_2, IntegrationPattern.SYNC, IntegrationPattern.WAIT_FOR_TASK_TOKEN}) {
            if (rest.endsWith(p.suffix())) {
                pattern = p;
                rest = rest.substring(0, rest.length() - p.suffix().length());
                break;
            }
        }
        String service;
        String action;
        if (rest.startsWith("aws-sdk:")) {
            int colon = rest.indexOf(':', "aws-sdk:".length());
            if (colon < 0) {
                return Optional.empty();
            }
            service = rest.substring(0, colon);
            action = rest.substring(colon + 1);
        } else {
            int colon = rest.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            service = rest.substring(0, colon);
            action = rest.substring(colon + 1);
        }
        if (service.isEmpty() || service.equals("aws-sdk:") || action.isEmpty() || action.contains(":")) {
            return Optional.empty();
        }
        return Optional.of(new ResourceArn(resource, Kind.SERVICE, partition, region, account, service, action, pattern));
    }

    /**
     * The {@link Form} of a Resource's text, for the validator, which judges the shape more strictly
     * than {@link #tryParse} takes a resource apart (a partition AWS has, a 12-digit account, the
     * characters of names). Exported definitions sometimes carry a region and account in an
     * integration ARN; AWS accepts them.
     */
    public static Written written(String resource) {
        Matcher m = ARN.matcher(resource);
        if (!m.matches()) {
            return new Written(Form.NOT_AN_ARN, null, null);
        }
        String service = m.group(2);
        String rest = m.group(5);
        boolean states = service.equals("states") && (ACTIVITY.matcher(rest).matches() || INTEGRATION.matcher(rest).matches());
        boolean lambda = service.equals("lambda") && LAMBDA.matcher(rest).matches();
        return new Written(states ? Form.STATES : lambda ? Form.LAMBDA_FUNCTION : Form.MALFORMED, service, rest);
    }

    /** {@code aws-sdk:*} integrations: any service, request-response or token. */
    public boolean isSdkIntegration() {
        return service.startsWith("aws-sdk:");
    }

    /** {@code arn:aws:states:::lambda:invoke} (the optimized integration that wraps the function's payload). */
    public boolean isLambdaInvoke() {
        return kind == Kind.SERVICE && service.equals("lambda") && action.equals("invoke");
    }

    public boolean isHttpInvoke() {
        return kind == Kind.SERVICE && service.equals("http") && action.equals("invoke");
    }

    /**
     * The history's {@code resourceType}: {@code lambda}, {@code aws-sdk:s3}, {@code states}, ...
     * (for {@link Kind#SERVICE}; the other kinds have their own event families).
     */
    public String resourceType() {
        return service;
    }

    /** The history's {@code resource}: {@code invoke}, {@code startExecution.sync:2}, {@code getObject}. */
    public String resourceName() {
        return action + pattern.suffix();
    }

    /**
     * Whether AWS supports this resource's pattern for its service (the optimized-integrations table;
     * {@code aws-sdk:*} allows request-response and token; unknown optimized services are not judged).
     */
    public boolean patternSupported() {
        if (kind != Kind.SERVICE) {
            return true;
        }
        Set<IntegrationPattern> supported = isSdkIntegration() ? TOKEN : OPTIMIZED.get(service);
        return supported == null || supported.contains(pattern);
    }

    /**
     * Whether an Express workflow can run this resource: only request-response, as AWS has it
     * (Express refuses {@code .sync} and {@code .waitForTaskToken}, and activities).
     */
    public boolean allowedInExpress() {
        return kind != Kind.ACTIVITY && pattern == IntegrationPattern.REQUEST_RESPONSE;
    }
}
