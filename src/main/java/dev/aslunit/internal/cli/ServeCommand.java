package dev.aslunit.internal.cli;

import dev.aslunit.internal.definition.DefaultAwsEnvironment;
import dev.aslunit.internal.sfnlocal.MockConfigException;
import dev.aslunit.server.StepFunctionsServer;
import dev.aslunit.server.TimeMode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aslunit serve}: the Step Functions API on a local port, a drop-in for Step Functions
 * Local (same port, same mock config file and {@code SFN_MOCK_CONFIG} variable, same
 * {@code #TestCase} ARNs). Runs until Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the Step Functions API (AWS JSON 1.0) on localhost, for AWS SDKs and the AWS CLI.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped with Ctrl-C", "2:invalid option or mock config, or the port is taken"})
public final class ServeCommand implements Callable<Integer> {

    static final String MOCK_CONFIG_VARIABLE = "SFN_MOCK_CONFIG";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8083",
            description = "Port to listen on (default: ${DEFAULT-VALUE}, as Step Functions Local; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes the server to the network).")
    String bind;

    @Option(names = "--mock-config", paramLabel = "FILE",
            description = "Step Functions Local mock config (default: the file named by $" + MOCK_CONFIG_VARIABLE + ").")
    Path mockConfig;

    @Option(names = "--lambda-endpoint", paramLabel = "URL", defaultValue = "${env:LAMBDA_ENDPOINT}",
            description = "Invoke Lambda tasks nothing mocks at this Lambda API endpoint, e.g. sam local start-lambda's "
                    + "http://127.0.0.1:3001 (default: $LAMBDA_ENDPOINT, as Step Functions Local).")
    URI lambdaEndpoint;

    @Option(names = "--http-route", paramLabel = "ORIGIN=URL",
            description = "Send HTTP Tasks whose ApiEndpoint starts with ORIGIN to URL, e.g. "
                    + "https://api.example.com=http://127.0.0.1:8080 (repeatable). Unrouted HTTP Tasks may call loopback only.")
    Map<String, String> httpRoutes = new LinkedHashMap<>();

    @Option(names = "--pass-through", paramLabel = "STATE_OR_RESOURCE",
            description = "Send this Task state (by name) or resource (an ARN or glob starting with arn:) to its real "
                    + "endpoint through the AWS SDK for Java v2, with the SDK's default credentials (repeatable). "
                    + "Nothing else leaves the machine. See docs/hybrid.md.")
    List<String> passThrough = new ArrayList<>();

    @Option(names = "--aws-endpoint", paramLabel = "URL",
            description = "Where passed-through Tasks go, e.g. LocalStack's http://localhost:4566 (default: AWS's own "
                    + "endpoints in --aws-region).")
    URI awsEndpoint;

    @Option(names = "--aws-region", paramLabel = "REGION",
            defaultValue = "${env:AWS_DEFAULT_REGION:-" + DefaultAwsEnvironment.REGION + "}",
            description = "Region in the ARNs, and of passed-through calls (default: $AWS_DEFAULT_REGION, else "
                    + DefaultAwsEnvironment.REGION + ").")
    String region;

    @Option(names = "--aws-account", paramLabel = "ACCOUNT",
            defaultValue = "${env:AWS_ACCOUNT_ID:-" + DefaultAwsEnvironment.ACCOUNT_ID + "}",
            description = "Account in the ARNs (default: $AWS_ACCOUNT_ID, else " + DefaultAwsEnvironment.ACCOUNT_ID
                    + ").")
    String account;

    @Option(names = "--time", paramLabel = "MODE", defaultValue = "virtual",
            description = "virtual (waits and timeouts complete at once), real (AWS's timing) or scale=N "
                    + "(N virtual seconds per second). Default: ${DEFAULT-VALUE}.")
    String time;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StepFunctionsServer.Builder builder = StepFunctionsServer.builder();
        try {
            builder.port(port).timeMode(TimeMode.parse(time)).bindAddress(InetAddress.getByName(bind))
                    .region(region).accountId(account);
            if (lambdaEndpoint != null) {
                builder.lambdaEndpoint(lambdaEndpoint);
            }
            httpRoutes.forEach(builder::httpRoute);
            passThrough.forEach(builder::passThrough);
            if (awsEndpoint != null) {
                builder.awsEndpoint(awsEndpoint);
            }
            Path mocks = mockConfig != null ? mockConfig
                    : System.getenv(MOCK_CONFIG_VARIABLE) != null ? Path.of(System.getenv(MOCK_CONFIG_VARIABLE)) : null;
            if (mocks != null) {
                builder.mockConfig(mocks);
            }
            StepFunctionsServer server = builder.start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "aslunit-serve-shutdown"));
            out.println("ASLUnit Step Functions API listening on " + server.endpoint() + " (time: " + server.timeMode()
                    + (mocks != null ? ", mock config: " + mocks : "")
                    + (lambdaEndpoint != null ? ", Lambda endpoint: " + lambdaEndpoint : "")
                    + (passThrough.isEmpty() ? "" : ", passed through to " + (awsEndpoint != null ? awsEndpoint : "AWS")
                            + ": " + String.join(", ", passThrough)) + "). Ctrl-C stops it.");
            out.flush();
            stopped.await();
            return 0;
        } catch (UnknownHostException e) {
            err.println("Invalid --bind address '" + bind + "': " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | MockConfigException e) {
            err.println(e.getMessage());
        }
        err.flush();
        return Main.USAGE;
    }
}
