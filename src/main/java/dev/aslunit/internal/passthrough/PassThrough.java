package dev.aslunit.internal.passthrough;

import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.integration.IntegrationPattern;
import dev.aslunit.internal.integration.ResourceArn;
import dev.aslunit.internal.json.Glob;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Answers the Tasks a test passed through, and only those, by calling the real endpoint: every
 * other Task is "not mine", so without an explicit pass-through nothing leaves the machine. The SDK
 * is first touched when a pass-through is declared (to name a missing client artifact at that line)
 * and first called when a passed-through Task runs. Unlike every other handler it blocks the
 * engine's thread for the call's real duration, which is what the test asked for.
 */
public final class PassThrough implements TaskHandler {

    private final AwsSettings settings;
    private final SdkClasses classes;
    private final NestedExecutions.Polling polling;
    private final Set<String> states = new LinkedHashSet<>();
    private final List<Pattern> resources = new ArrayList<>();
    private Integrations integrations;
    /** Set when the test takes its callbacks from the functions themselves ({@link #callbackEndpoint()}). */
    private CallbackEndpoint callbacks;

    public PassThrough(AwsSettings settings) {
        this(settings, PassThrough.class.getClassLoader());
    }

    /** With the class loader the SDK is looked up in (a test hides the SDK this way). */
    public PassThrough(AwsSettings settings, ClassLoader loader) {
        this(settings, loader, NestedExecutions.Polling.DEFAULT);
    }

    /** With how a {@code .sync} nested execution is polled (a test gives up sooner). */
    PassThrough(AwsSettings settings, ClassLoader loader, NestedExecutions.Polling polling) {
        this.settings = settings;
        this.classes = new SdkClasses(loader);
        this.polling = polling;
    }

    /**
     * Passes a Task state through; {@code resource} is its {@code Resource} as written.
     *
     * @throws IllegalArgumentException when the resource cannot be passed through, saying why
     * @throws IllegalStateException when the SDK client it needs is not on the classpath, naming the artifact
     */
    public void passState(String stateName, String resource) {
        check("Task state '" + stateName + "'", resource);
        states.add(stateName);
    }

    /**
     * Passes every Task state of this name through, in whichever state machine runs it (the
     * server's configuration, which knows no definition when it starts): its resource is checked
     * when the Task runs, and one that cannot be passed through fails the execution saying why.
     */
    public void passStateOfAnyMachine(String stateName) {
        states.add(stateName);
    }

    /**
     * Passes through every Task whose resource matches the ARN or glob; {@code matching} are the
     * resources of the definition it matches, checked as {@link #passState} checks one.
     */
    public void passResource(String arnOrGlob, List<String> matching) {
        for (String resource : matching) {
            check("resource " + resource, resource);
        }
        resources.add(Glob.compile(arnOrGlob));
    }

    /**
     * The loopback Step Functions endpoint that passed-through functions send their task callbacks
     * to ({@code SendTaskSuccess}, {@code SendTaskFailure}, {@code SendTaskHeartbeat}). From the first
     * call on, a passed-through {@code .waitForTaskToken} Task waits for its token's callback there
     * (at most {@link NestedExecutions.Polling#giveUpAfter()}) instead of leaving it to the test.
     */
    public URI callbackEndpoint() {
        if (callbacks == null) {
            callbacks = CallbackEndpoint.shared();
        }
        return callbacks.uri();
    }

    /** Whether this invocation is one the test passed through. */
    public boolean covers(TaskInvocation invocation) {
        if (states.contains(invocation.stateName())) {
            return true;
        }
        for (Pattern p : resources) {
            if (p.matcher(invocation.resource()).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<TaskOutcome> answer(TaskInvocation invocation) {
        if (!covers(invocation)) {
            return Optional.empty();
        }
        ResourceArn arn = ResourceArn.tryParse(invocation.resource()).orElseThrow(() -> new IllegalArgumentException(
                "the resource " + invocation.resource() + " is not an ARN ASLUnit can pass through"));
        String why = Integrations.unsupported(arn);
        if (why != null) {
            throw new IllegalArgumentException("it cannot be passed through: " + why);
        }
        classes.client(Integrations.sdkPackage(arn), invocation.resource());
        Integrations calls = integrations();
        if (!settings.realLatency()) {
            return Optional.of(call(calls, invocation, arn));
        }
        // the one real clock read outside the server: the call's real duration, passed on as virtual latency
        long start = System.nanoTime();
        TaskOutcome outcome = call(calls, invocation, arn);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return Optional.of(withLatency(outcome, took));
    }

    /** The call, and for a token Task whose callback comes to {@link #callbackEndpoint()}, that callback. */
    private TaskOutcome call(Integrations calls, TaskInvocation invocation, ResourceArn arn) {
        if (callbacks == null || arn.pattern() != IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            return calls.answer(invocation, arn);
        }
        String token = invocation.taskToken();
        // expected before the call: a function may call back before its Invoke returns
        CompletableFuture<TaskOutcome> callback = callbacks.expect(token);
        try {
            TaskOutcome called = calls.answer(invocation, arn);
            if (!(called instanceof TaskOutcome.NoAnswer)) {
                return called;
            }
            return callback.get(polling.giveUpAfter().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No callback came for the task token of Task state '"
                    + invocation.stateName() + "' (" + invocation.resource() + ") within " + polling.giveUpText()
                    + " at " + callbacks.uri() + ": configure the function to send SendTaskSuccess or SendTaskFailure"
                    + " there (e.g. AWS_ENDPOINT_URL_SFN=" + callbacks.uri() + ").", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the callback of Task state '"
                    + invocation.stateName() + "'", e);
        } finally {
            callbacks.forget(token);
        }
    }

    /** Made at the first passed-through call, so the SDK loads only then; the server calls from several threads. */
    private synchronized Integrations integrations() {
        if (integrations == null) {
            integrations = new Integrations(new SdkGateway(classes, settings), polling);
        }
        return integrations;
    }

    private static TaskOutcome withLatency(TaskOutcome outcome, Duration latency) {
        if (outcome instanceof TaskOutcome.Succeeded s) {
            return new TaskOutcome.Succeeded(s.result(), latency);
        }
        if (outcome instanceof TaskOutcome.Failed f) {
            return new TaskOutcome.Failed(f.error(), f.cause(), latency);
        }
        return outcome;
    }

    private void check(String what, String resource) {
        ResourceArn arn = ResourceArn.tryParse(resource).orElseThrow(() -> new IllegalArgumentException("The " + what
                + " has the resource " + resource + ", which is not an ARN ASLUnit can pass through to AWS."
                + " Mock it instead."));
        String why = Integrations.unsupported(arn);
        if (why != null) {
            throw new IllegalArgumentException("The " + what + " (" + resource + ") cannot be passed through: " + why);
        }
        classes.client(Integrations.sdkPackage(arn), resource);
    }
}
