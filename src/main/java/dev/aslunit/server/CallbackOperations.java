package dev.aslunit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskOutcome;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Task tokens and activity tasks: SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat and
 * GetActivityTask, with AWS's request and response members. Its {@link #link()} in every
 * execution's chain of Task answers learns the tokens and queues the activity tasks.
 */
final class CallbackOperations {

    /** GetActivityTask's long poll, as AWS: an empty answer after 60 seconds without a task. */
    private static final long ACTIVITY_POLL_SECONDS = 60;

    private record ActivityTask(String token, String input) {
    }

    private final MachineOperations machines;
    private final Resources resources;
    private final Arns arns;
    private final ExecutionDriver driver;
    private final Function<String, ExecutionRecord> executions;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<ActivityTask>> activityTasks = new ConcurrentHashMap<>();

    /** @param executions the execution of an ARN, or {@code null} */
    CallbackOperations(MachineOperations machines, Resources resources, Arns arns, ExecutionDriver driver,
            Function<String, ExecutionRecord> executions) {
        this.machines = machines;
        this.resources = resources;
        this.arns = arns;
        this.driver = driver;
        this.executions = executions;
    }

    void register(Map<String, Function<Request, ObjectNode>> operations) {
        operations.put("SendTaskSuccess", this::sendTaskSuccess);
        operations.put("SendTaskFailure", this::sendTaskFailure);
        operations.put("SendTaskHeartbeat", this::sendTaskHeartbeat);
        operations.put("GetActivityTask", this::getActivityTask);
    }

    /**
     * The first link of an execution's Task answers: remembers whose every task token is, for the
     * callbacks; queues an activity's task for {@code GetActivityTask}, its worker answering later.
     */
    TaskHandler link() {
        return invocation -> {
            if (invocation.taskToken() != null) {
                tokens.put(invocation.taskToken(), invocation.executionArn());
            }
            // an activity that was never created (or was deleted) has no workers: nobody answers it
            if (invocation.resource().startsWith(arns.activity("")) && invocation.taskToken() != null
                    && resources.activity(invocation.resource()) != null) {
                activityQueue(invocation.resource()).add(new ActivityTask(invocation.taskToken(),
                        invocation.parameters() == null ? "{}" : invocation.parameters().toString()));
                return Optional.of(new TaskOutcome.NoAnswer());
            }
            return Optional.empty();
        };
    }

    private BlockingQueue<ActivityTask> activityQueue(String activityArn) {
        return activityTasks.computeIfAbsent(activityArn, k -> new LinkedBlockingQueue<>());
    }

    private ObjectNode sendTaskSuccess(Request r) {
        String token = r.required("taskToken", 2048);
        String output = r.payload("output");
        if (output == null) {
            throw ApiException.constraint("output", null, "Member must not be null");
        }
        JsonNode result;
        try {
            result = Wire.MAPPER.readTree(output);
        } catch (JsonProcessingException ex) {
            throw new ApiException("InvalidOutput", "Invalid Output: '" + ex.getOriginalMessage() + "'");
        }
        if (result == null) {
            throw new ApiException("InvalidOutput", "Invalid Output: 'empty'");
        }
        return callback(token, run -> run.sendTaskSuccess(token, result));
    }

    private ObjectNode sendTaskFailure(Request r) {
        String token = r.required("taskToken", 2048);
        String error = r.optional("error", 256);
        String cause = r.optional("cause", 32_768);
        return callback(token, run -> run.sendTaskFailure(token, error, cause));
    }

    private ObjectNode sendTaskHeartbeat(Request r) {
        String token = r.required("taskToken", 2048);
        return callback(token, run -> run.sendTaskHeartbeat(token));
    }

    private ObjectNode callback(String token, Consumer<ExecutionRun> send) {
        String arn = tokens.get(token);
        if (arn == null) {
            throw ApiException.invalidToken("Invalid Token: 'Invalid token'");
        }
        ExecutionRecord e = executions.apply(arn);
        synchronized (e) {
            if (e.run.isDone() || !e.run.pendingTaskTokens().containsKey(token)) {
                throw new ApiException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
            }
            send.accept(e.run);
        }
        driver.poke(e);
        return Wire.object();
    }

    private boolean isPending(String token) {
        ExecutionRecord e = executions.apply(tokens.get(token));
        synchronized (e) {
            return e.run.pendingTaskTokens().containsKey(token);
        }
    }

    private ObjectNode getActivityTask(Request r) {
        String activityArn = r.required("activityArn", Request.MAX_ARN);
        r.optional("workerName", 80);
        machines.activity(activityArn);
        long deadline = ExecutionDriver.wallNanos() + TimeUnit.SECONDS.toNanos(ACTIVITY_POLL_SECONDS);
        try {
            while (true) {
                long left = deadline - ExecutionDriver.wallNanos();
                ActivityTask task = left <= 0 ? null : activityQueue(activityArn).poll(left, TimeUnit.NANOSECONDS);
                if (task == null) {
                    return Wire.object();
                }
                if (isPending(task.token())) {
                    return Wire.object().put("taskToken", task.token()).put("input", task.input());
                }
                // The execution ended (stopped, timed out) while the task was queued: nobody waits for it.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Wire.object();
        }
    }
}
