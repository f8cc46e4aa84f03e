package dev.aslunit.internal.verify;

import dev.aslunit.internal.pipeline.AwsParameters;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verify mode's configuration, from the run's configuration parameters (docs/verify-on-aws.md). The
 * mode is on when {@value #ENDPOINT} names an endpoint; nothing else turns it on.
 *
 * @param endpoint the Step Functions endpoint whose TestState answers
 * @param region   the signing region: {@code aslunit.aws.region}, else the one in an AWS endpoint's host
 *                 name, else {@code us-east-1} (an emulator ignores it)
 * @param account  the AWS account the run may call, or {@code null} when not named
 * @param roleArn  sent as TestState's {@code roleArn} when set; its account must be {@code account}
 * @param dryRun   list the calls, make none
 * @param maxCalls the most TestState calls one run may make
 */
public record VerifySettings(URI endpoint, String region, String account, String roleArn, boolean dryRun, int maxCalls) {

    public static final String ENDPOINT = "aslunit.verify.endpoint";
    public static final String ACCOUNT = "aslunit.verify.account";
    public static final String ROLE_ARN = "aslunit.verify.roleArn";
    public static final String DRY_RUN = "aslunit.verify.dryRun";
    public static final String MAX_CALLS = "aslunit.verify.maxCalls";
    /** The hybrid runs' region parameter (docs/hybrid.md), shared: one run has one region. */
    public static final String REGION = AwsParameters.REGION;
    public static final int DEFAULT_MAX_CALLS = 200;

    private static final Pattern AWS_HOST = Pattern.compile("(?:sync-)?states(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");
    static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/.+");

    /**
     * The settings the parameters give, or empty when {@value #ENDPOINT} is unset (verify mode off).
     *
     * @throws IllegalArgumentException naming the parameter and the fix when a value cannot be used
     */
    public static Optional<VerifySettings> from(Function<String, Optional<String>> parameters) {
        Optional<String> endpointText = value(parameters, ENDPOINT);
        if (endpointText.isEmpty()) {
            return Optional.empty();
        }
        URI endpoint = endpoint(endpointText.get());
        String host = endpoint.getHost().toLowerCase(Locale.ROOT);
        Matcher aws = AWS_HOST.matcher(host);
        String region = value(parameters, REGION)
                .orElseGet(() -> aws.matches() ? aws.group(1) : isAws(host) ? null : "us-east-1");
        if (region == null) {
            throw new IllegalArgumentException("The configuration parameter " + ENDPOINT + " is " + endpoint
                    + ", and its region cannot be told from the host name: set " + REGION + "=eu-west-1 (your region)"
                    + " or name the regional endpoint, e.g. https://states.eu-west-1.amazonaws.com");
        }
        String account = value(parameters, ACCOUNT).orElse(null);
        if (account != null && !account.matches("\\d{12}")) {
            throw new IllegalArgumentException("The configuration parameter " + ACCOUNT + " is \"" + account
                    + "\": give the 12-digit AWS account id the run may call, e.g. " + ACCOUNT + "=123456789012");
        }
        String roleArn = value(parameters, ROLE_ARN).orElse(null);
        if (roleArn != null && !ROLE.matcher(roleArn).matches()) {
            throw new IllegalArgumentException("The configuration parameter " + ROLE_ARN + " is \"" + roleArn
                    + "\": give an IAM role's ARN, e.g. arn:aws:iam::123456789012:role/StepFunctionsTestState");
        }
        boolean dryRun = value(parameters, DRY_RUN).map(v -> bool(v)).orElse(false);
        int maxCalls = value(parameters, MAX_CALLS).map(VerifySettings::maxCalls).orElse(DEFAULT_MAX_CALLS);
        return Optional.of(new VerifySettings(endpoint, region, account, roleArn, dryRun, maxCalls));
    }

    /** Whether the endpoint is AWS's own (a host under {@code amazonaws.com}): then STS must name the account. */
    public boolean isAws() {
        return isAws(endpoint.getHost().toLowerCase(Locale.ROOT));
    }

    private static boolean isAws(String host) {
        return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn");
    }

    private static Optional<String> value(Function<String, Optional<String>> parameters, String key) {
        return parameters.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static URI endpoint(String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the fix
        }
        throw new IllegalArgumentException("The configuration parameter " + ENDPOINT + " is \"" + text
                + "\": give the Step Functions endpoint as a URL, e.g. " + ENDPOINT + "=http://127.0.0.1:8083 for"
                + " aslunit serve, or https://states.eu-west-1.amazonaws.com for AWS");
    }

    private static boolean bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("The configuration parameter " + DRY_RUN + " is \"" + text
                + "\": give true (list the TestState calls, make none) or false");
    }

    private static int maxCalls(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the fix
        }
        throw new IllegalArgumentException("The configuration parameter " + MAX_CALLS + " is \"" + text
                + "\": give the most TestState calls one run may make, e.g. " + MAX_CALLS + "=500");
    }
}
