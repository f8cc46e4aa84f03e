package dev.aslunit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.aslunit.internal.definition.DefaultAwsEnvironment;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.passthrough.AwsSettings;
import dev.aslunit.internal.passthrough.PassThrough;
import dev.aslunit.internal.pipeline.TaskAnswers;
import dev.aslunit.internal.mocks.MockAccess;
import dev.aslunit.internal.sfnlocal.MockConfigFile;
import dev.aslunit.mock.TaskMocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The Step Functions API (AWS JSON 1.0) on a local port, answered by ASLUnit's engine: a drop-in
 * for Step Functions Local that AWS SDKs and the AWS CLI talk to unchanged.
 *
 * <pre>{@code
 * try (StepFunctionsServer server = StepFunctionsServer.builder().port(0).start()) {
 *     SfnClient sfn = SfnClient.builder().endpointOverride(server.endpoint())...build();
 * }
 * }</pre>
 */
public final class StepFunctionsServer implements AutoCloseable {

    /** Step Functions Local's port, so existing endpoint settings keep working. */
    public static final int DEFAULT_PORT = 8083;

    private final HttpServer http;
    private final ExecutorService workers;
    private final URI endpoint;
    private final TimeMode timeMode;
    private final ExecutionDriver driver;

    private StepFunctionsServer(Builder b, PassThrough passThrough) throws IOException {
        this.timeMode = b.timeMode;
        this.http = HttpServer.create(new InetSocketAddress(b.bindAddress, b.port), 256);
        // The server is the one place that reads the wall clock: creation dates, and the pace of
        // executions in the real and scaled time modes. The engine itself only sees virtual time.
        Clock clock = Clock.systemUTC();
        Arns arns = new Arns(b.region, b.accountId);
        Ids ids = new Ids();
        Resources resources = new Resources();
        Map<String, Function<Request, ObjectNode>> operations = new HashMap<>();
        MachineOperations machines = new MachineOperations(resources, new Definitions(), arns, clock, ids);
        machines.register(operations);
        this.driver = new ExecutionDriver(b.timeMode);
        HttpEndpoints httpEndpoints = new HttpEndpoints(b.httpRoutes);
        LambdaEndpoint lambda = b.lambdaEndpoint == null ? null : new LambdaEndpoint(b.lambdaEndpoint);
        // after the activities and the mock config's test case (ExecutionOperations puts those first)
        TaskHandler tasks = TaskAnswers.of(passThrough, b.taskHandler, lambda, httpEndpoints);
        new ExecutionOperations(machines, resources, arns, b.region, b.accountId, driver, b.mockConfig,
                tasks, ids, clock).register(operations);
        // TestState at TRACE shows the HTTP request and response: the same chain, with the HTTP link observed
        new TestStateOperation(observer -> TaskAnswers.of(passThrough, b.taskHandler, lambda,
                httpEndpoints.observed(observer)))
                .register(operations);

        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "aslunit-serve-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(workers);
        http.createContext("/", new AwsJsonHandler(Wire.MAPPER, Map.copyOf(operations), ids));
        http.start();
        InetSocketAddress bound = http.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "localhost" : bound.getAddress().getHostAddress();
        this.endpoint = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where clients send requests, e.g. {@code http://127.0.0.1:8083}. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public TimeMode timeMode() {
        return timeMode;
    }

    /** Stops accepting requests, ends long polls and releases the port. */
    @Override
    public void close() {
        http.stop(0);
        driver.close();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Options of a {@link StepFunctionsServer}; every one has a default. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private TimeMode timeMode = TimeMode.virtual();
        private String region = DefaultAwsEnvironment.REGION;
        private String accountId = DefaultAwsEnvironment.ACCOUNT_ID;
        private MockConfigFile mockConfig;
        private TaskHandler taskHandler;
        private URI lambdaEndpoint;
        private final Map<String, String> httpRoutes = new LinkedHashMap<>();
        private final List<String> passThrough = new ArrayList<>();
        private URI awsEndpoint;

        private Builder() {
        }

        /** The port, {@value #DEFAULT_PORT} by default; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Port must be between 0 and 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to listen on: loopback by default, so nothing outside this machine can call. */
        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        public Builder timeMode(TimeMode timeMode) {
            this.timeMode = Objects.requireNonNull(timeMode, "timeMode");
            return this;
        }

        /** The region in the ARNs the server hands out ({@value DefaultAwsEnvironment#REGION} unless set). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The account in the ARNs the server hands out ({@value DefaultAwsEnvironment#ACCOUNT_ID} unless set). */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /**
         * A Step Functions Local mock config: {@code StartExecution} with
         * {@code <stateMachineArn>#<TestCase>} answers Task states from that test case's mocked
         * responses, as Step Functions Local does.
         *
         * @throws dev.aslunit.internal.sfnlocal.MockConfigException naming the file, the place and the fix
         */
        public Builder mockConfig(Path file) {
            return mockConfig(MockConfigFile.parse(file));
        }

        Builder mockConfig(MockConfigFile mockConfig) {
            this.mockConfig = Objects.requireNonNull(mockConfig, "mockConfig");
            return this;
        }

        /**
         * Answers the Task states that no mock config test case answers, for every execution: Java
         * mocks when the server runs embedded in a test.
         */
        public Builder taskHandler(TaskMocks mocks) {
            this.taskHandler = MockAccess.handler(mocks);
            return this;
        }

        /**
         * Where Lambda tasks that nothing mocks are invoked ({@code lambda:invoke} and function
         * ARNs), through the Lambda Invoke API: Step Functions Local's {@code LAMBDA_ENDPOINT}, e.g.
         * {@code sam local start-lambda}'s {@code http://127.0.0.1:3001}.
         */
        public Builder lambdaEndpoint(URI lambdaEndpoint) {
            this.lambdaEndpoint = Objects.requireNonNull(lambdaEndpoint, "lambdaEndpoint");
            return this;
        }

        /**
         * Sends HTTP Tasks ({@code arn:aws:states:::http:invoke}) whose {@code ApiEndpoint} starts
         * with {@code from} to {@code to} instead, e.g. a WireMock server. HTTP Tasks that nothing
         * mocks call their endpoint for real, but only on this machine (loopback) unless routed here.
         */
        public Builder httpRoute(String from, String to) {
            httpRoutes.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
            return this;
        }

        /**
         * Sends this Task state (by name, in every state machine) or resource (an ARN or glob starting
         * with {@code arn:}) to its real endpoint through the AWS SDK for Java v2, at
         * {@link #awsEndpoint} in the server's {@link #region}, with the SDK's default credentials
         * (docs/hybrid.md). Nothing else leaves the machine. A mock config test case that answers the
         * Task still wins; a pass-through wins over the rest of the chain.
         *
         * @throws IllegalStateException when a resource's SDK client is not on the classpath, naming the artifact
         * @throws IllegalArgumentException when a resource cannot be passed through, saying why
         */
        public Builder passThrough(String stateOrResource) {
            passThrough.add(Objects.requireNonNull(stateOrResource, "stateOrResource"));
            return this;
        }

        /** Where passed-through Tasks go, e.g. LocalStack's {@code http://localhost:4566} (unset: AWS's own endpoints). */
        public Builder awsEndpoint(URI awsEndpoint) {
            this.awsEndpoint = Objects.requireNonNull(awsEndpoint, "awsEndpoint");
            return this;
        }

        /** The pass-through of the configuration, or {@code null}: checked before the port is bound. */
        private PassThrough passThrough() {
            if (passThrough.isEmpty()) {
                return null;
            }
            if (awsEndpoint != null && (awsEndpoint.getScheme() == null || awsEndpoint.getHost() == null)) {
                throw new IllegalArgumentException("The AWS endpoint " + awsEndpoint + " needs a scheme and a host,"
                        + " e.g. --aws-endpoint http://localhost:4566");
            }
            PassThrough out = new PassThrough(new AwsSettings(awsEndpoint, region, false));
            for (String target : passThrough) {
                if (target.startsWith("arn:")) {
                    // a plain ARN is checked now (its SDK client, whether it can be passed through); a glob when it matches
                    out.passResource(target, target.contains("*") ? List.of() : List.of(target));
                } else {
                    out.passStateOfAnyMachine(target);
                }
            }
            return out;
        }

        /** Binds the port and starts serving; the server is ready when this returns. */
        public StepFunctionsServer start() {
            PassThrough checked = passThrough();
            try {
                return new StepFunctionsServer(this, checked);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen on " + bindAddress.getHostAddress() + ":" + port
                        + ": " + e.getMessage() + (port != 0 ? " (is another server using the port? try --port)" : ""),
                        e);
            }
        }
    }
}
