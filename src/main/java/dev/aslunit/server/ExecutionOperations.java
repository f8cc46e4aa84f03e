package dev.aslunit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.pipeline.TaskAnswers;
import dev.aslunit.HistoryEvent;
import dev.aslunit.internal.sfnlocal.MockConfigException;
import dev.aslunit.internal.sfnlocal.MockConfigFile;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Executions, with AWS's request and response members; their callbacks and activity tasks are {@link CallbackOperations}. */
final class ExecutionOperations {

    /** An execution as ListExecutions shows it, taken under its lock. */
    private record Listed(long sequence, ObjectNode item) {
    }

    private final MachineOperations machines;
    private final Arns arns;
    private final String region;
    private final String accountId;
    private final ExecutionDriver driver;
    private final MockConfigFile mockConfig;
    private final TaskHandler userHandler;
    private final Resources resources;
    private final Ids ids;
    private final Clock clock;
    private final Map<String, ExecutionRecord> executions = new ConcurrentHashMap<>();
    private final Map<String, List<ExecutionRecord>> byMachine = new ConcurrentHashMap<>();
    private final CallbackOperations callbacks;

    ExecutionOperations(MachineOperations machines, Resources resources, Arns arns, String region, String accountId,
            ExecutionDriver driver, MockConfigFile mockConfig, TaskHandler userHandler, Ids ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
        this.machines = machines;
        this.resources = resources;
        this.arns = arns;
        this.region = region;
        this.accountId = accountId;
        this.driver = driver;
        this.mockConfig = mockConfig;
        this.userHandler = userHandler;
        this.callbacks = new CallbackOperations(machines, resources, arns, driver, executions::get);
    }

    void register(Map<String, Function<Request, ObjectNode>> operations) {
        operations.put("StartExecution", this::startExecution);
        operations.put("StartSyncExecution", this::startSyncExecution);
        operations.put("StopExecution", this::stopExecution);
        operations.put("DescribeExecution", this::describeExecution);
        operations.put("DescribeStateMachineForExecution", this::describeStateMachineForExecution);
        operations.put("ListExecutions", this::listExecutions);
        operations.put("GetExecutionHistory", this::getExecutionHistory);
        operations.put("RedriveExecution", this::redriveExecution);
        callbacks.register(operations);
    }

    // ------------------------------------------------------------------ starting

    private ObjectNode startExecution(Request r) {
        ExecutionRecord e = start(r, false);
        return Wire.time(Wire.object().put("executionArn", e.arn()), "startDate", e.run.startTime());
    }

    private ObjectNode startSyncExecution(Request r) {
        String includedData = r.optional("includedData", 16);
        if (includedData != null && !includedData.equals("ALL_DATA") && !includedData.equals("METADATA_ONLY")) {
            throw ApiException.constraint("includedData", includedData,
                    "Member must satisfy enum value set: [ALL_DATA, METADATA_ONLY]");
        }
        ExecutionRecord e = start(r, true);
        e.done.join();
        ObjectNode out = Wire.object();
        synchronized (e) {
            out.put("executionArn", e.arn()).put("stateMachineArn", e.machine.arn()).put("name", e.run.name());
            Wire.time(out, "startDate", e.run.startTime());
            Wire.time(out, "stopDate", e.run.stopTime());
            out.put("status", e.run.status().name());
            putErrorAndCause(out, e.run);
            boolean data = !"METADATA_ONLY".equals(includedData);
            if (data) {
                out.put("input", e.input);
                out.putObject("inputDetails").put("included", true);
                if (e.run.output() != null) {
                    out.put("output", e.run.output().toString());
                    out.putObject("outputDetails").put("included", true);
                }
            }
            long millis = Math.max(100, java.time.Duration.between(e.run.startTime(), e.run.stopTime()).toMillis());
            out.putObject("billingDetails").put("billedMemoryUsedInMB", 64)
                    .put("billedDurationInMilliseconds", (millis + 99) / 100 * 100);
        }
        return out;
    }

    private ExecutionRecord start(Request r, boolean sync) {
        String smArn = r.required("stateMachineArn", Request.MAX_ARN);
        String name = r.optional("name", 80);
        String input = r.payload("input");
        Resources.Machine machine = machines.machine(smArn);
        boolean express = machine.type().equals("EXPRESS");
        if (sync && !express) {
            throw new ApiException("StateMachineTypeNotSupported",
                    "This operation is not supported by this type of state machine: StartSyncExecution runs EXPRESS "
                            + "state machines only, and '" + machine.arn() + "' is STANDARD");
        }
        if (name == null) {
            name = ids.uuid();
        } else {
            Arns.checkName(name);
        }
        String inputText = input == null ? "{}" : input;
        JsonNode inputJson;
        try {
            inputJson = Wire.MAPPER.readTree(inputText);
        } catch (JsonProcessingException ex) {
            throw new ApiException("InvalidExecutionInput", "Invalid execution input: " + ex.getOriginalMessage());
        }
        if (inputJson == null) {
            throw new ApiException("InvalidExecutionInput", "Invalid execution input: the input is empty");
        }
        String testCase = Arns.testCase(smArn);
        TaskHandler handler = handler(machine, testCase);
        synchronized (this) {
            // EXPRESS ARNs end with an id of their own (express:<machine>:<name>:<id>), so their names may repeat.
            String arn = arns.execution(machine.name(), name);
            ExecutionRecord existing = express ? null : executions.get(arn);
            if (existing != null) {
                synchronized (existing) {
                    if (!existing.run.isDone() && existing.input.equals(inputText)) {
                        return existing;
                    }
                }
                throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
            }
            VirtualScheduler scheduler = new VirtualScheduler(wallNow());
            ExecutionOptions options = ExecutionOptions.builder()
                    .input(inputJson)
                    .executionName(name)
                    .type(express ? StateMachineType.EXPRESS : StateMachineType.STANDARD)
                    .seed(ids.seed())
                    .region(region)
                    .accountId(accountId)
                    .roleArn(machine.roleArn())
                    .taskHandler(handler)
                    .contextObject(sync ? ExecutionOperations::withoutRedriveCount : null)
                    .build();
            ExecutionRun run = machine.compiled().start(options, scheduler);
            ExecutionRecord record = new ExecutionRecord(resources.nextSequence(), machine, inputText, express, run,
                    scheduler, ExecutionDriver.wallNanos());
            executions.put(record.arn(), record);
            byMachine.computeIfAbsent(machine.arn(), k -> Collections.synchronizedList(new ArrayList<>())).add(record);
            driver.add(record);
            return record;
        }
    }

    /**
     * A synchronous Express execution cannot be redriven, and AWS leaves {@code RedriveCount} out of
     * its {@code $$.Execution} (recorded: StartSyncExecution of a machine that reads {@code $$}); an
     * asynchronous one has {@code RedriveCount: 0}. The engine's {@code Execution} object is shared by
     * every state, so the field is left out of a copy that shares its values.
     */
    private static ObjectNode withoutRedriveCount(ObjectNode context) {
        ObjectNode execution = Wire.object();
        context.get("Execution").fields().forEachRemaining(f -> {
            if (!f.getKey().equals("RedriveCount")) {
                execution.set(f.getKey(), f.getValue());
            }
        });
        context.set("Execution", execution);
        return context;
    }

    /**
     * Who answers the execution's Task states: activity workers for activity resources, then the
     * selected Step Functions Local test case, then the server's own handler (embedded Java mocks,
     * the Lambda endpoint, HTTP); a {@code .waitForTaskToken} task nobody answers waits for
     * SendTaskSuccess/Failure.
     */
    private TaskHandler handler(Resources.Machine machine, String testCase) {
        TaskHandler mocks = null;
        if (testCase != null) {
            if (mockConfig == null) {
                throw ApiException.validation("The state machine ARN selects test case '" + testCase + "', but the "
                        + "server has no mock config: start it with --mock-config FILE or SFN_MOCK_CONFIG=FILE");
            }
            try {
                mocks = mockConfig.handlerFor(machine.name(), testCase);
            } catch (MockConfigException e) {
                throw ApiException.validation(e.getMessage());
            }
        }
        return TaskAnswers.of(callbacks.link(), mocks, userHandler, TaskAnswers.AWAIT_CALLBACK);
    }

    // ------------------------------------------------------------------ reading

    ExecutionRecord execution(String arn) {
        arns.checkExecution(arn);
        ExecutionRecord e = executions.get(arn);
        if (e == null) {
            throw ApiException.executionDoesNotExist(arn);
        }
        return e;
    }

    private ObjectNode describeExecution(Request r) {
        ExecutionRecord e = execution(r.required("executionArn", Request.MAX_ARN));
        ObjectNode out = Wire.object();
        synchronized (e) {
            ExecutionRun run = e.run;
            out.put("executionArn", e.arn()).put("stateMachineArn", e.machine.arn()).put("name", run.name())
                    .put("status", run.status().name());
            Wire.time(out, "startDate", run.startTime());
            Wire.time(out, "stopDate", run.stopTime());
            out.put("input", e.input);
            out.putObject("inputDetails").put("included", true);
            if (run.output() != null) {
                out.put("output", run.output().toString());
                out.putObject("outputDetails").put("included", true);
            }
            putErrorAndCause(out, run);
            e.catchUp(wallNow());
            out.put("redriveCount", run.redriveCount());
            Wire.time(out, "redriveDate", run.redriveTime());
            String notRedrivable = run.notRedrivableReason();
            out.put("redriveStatus", notRedrivable == null ? "REDRIVABLE" : "NOT_REDRIVABLE");
            if (notRedrivable != null) {
                out.put("redriveStatusReason", notRedrivable);
            }
        }
        return out;
    }

    private static void putErrorAndCause(ObjectNode out, ExecutionRun run) {
        if (run.error() != null) {
            out.put("error", run.error());
        }
        if (run.cause() != null) {
            out.put("cause", run.cause());
        }
    }

    private ObjectNode describeStateMachineForExecution(Request r) {
        ExecutionRecord e = execution(r.required("executionArn", Request.MAX_ARN));
        Resources.Machine m = e.machine;
        ObjectNode out = Wire.object().put("stateMachineArn", m.arn()).put("name", m.name())
                .put("definition", m.definition()).put("roleArn", m.roleArn());
        Wire.time(out, "updateDate", m.updateDate() != null ? m.updateDate() : m.creationDate());
        MachineOperations.describeConfiguration(out, m);
        return out;
    }

    private ObjectNode listExecutions(Request r) {
        String smArn = r.optional("stateMachineArn", Request.MAX_ARN);
        String mapRunArn = r.optional("mapRunArn", 2048);
        if ((smArn == null) == (mapRunArn == null)) {
            throw ApiException.validation("Either stateMachineArn or mapRunArn must be given, and not both");
        }
        if (mapRunArn != null) {
            throw new ApiException("ResourceNotFound", 400, "Map run does not exist: '" + mapRunArn + "'",
                    Map.of("resourceName", mapRunArn));
        }
        Resources.Machine machine = machines.machine(smArn);
        if (machine.type().equals("EXPRESS")) {
            throw new ApiException("StateMachineTypeNotSupported",
                    "This operation is not supported by this type of state machine: EXPRESS");
        }
        String status = r.optional("statusFilter", 32);
        if (status != null && !List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE")
                .contains(status)) {
            throw ApiException.constraint("statusFilter", status, "Member must satisfy enum value set: "
                    + "[RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]");
        }
        String redriveFilter = r.optional("redriveFilter", 32);
        if (redriveFilter != null && !List.of("REDRIVEN", "NOT_REDRIVEN").contains(redriveFilter)) {
            throw ApiException.constraint("redriveFilter", redriveFilter,
                    "Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]");
        }
        List<ExecutionRecord> all;
        List<ExecutionRecord> list = byMachine.getOrDefault(machine.arn(), List.of());
        synchronized (list) {
            all = new ArrayList<>(list);
        }
        Collections.reverse(all);
        List<Listed> items = new ArrayList<>();
        for (ExecutionRecord e : all) {
            synchronized (e) {
                if (status != null && !e.run.status().name().equals(status)) {
                    continue;
                }
                if (redriveFilter != null && (e.run.redriveCount() > 0) != redriveFilter.equals("REDRIVEN")) {
                    continue;
                }
                ObjectNode item = Wire.object().put("executionArn", e.arn()).put("stateMachineArn", machine.arn())
                        .put("name", e.run.name()).put("status", e.run.status().name());
                Wire.time(item, "startDate", e.run.startTime());
                Wire.time(item, "stopDate", e.run.stopTime());
                item.put("redriveCount", e.run.redriveCount());
                Wire.time(item, "redriveDate", e.run.redriveTime());
                items.add(new Listed(e.sequence, item));
            }
        }
        Page<Listed> page = Page.of(items, Listed::sequence, true,
                "ListExecutions|" + machine.arn() + "|" + status + "|" + redriveFilter, r.optional("nextToken", 3096), r.maxResults());
        ObjectNode out = Wire.object();
        ArrayNode array = out.putArray("executions");
        page.items().forEach(listed -> array.add(listed.item()));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private ObjectNode getExecutionHistory(Request r) {
        ExecutionRecord e = execution(r.required("executionArn", Request.MAX_ARN));
        boolean reverse = r.bool("reverseOrder", false);
        boolean data = r.bool("includeExecutionData", true);
        List<HistoryEvent> events;
        synchronized (e) {
            events = new ArrayList<>(e.run.history());
        }
        if (reverse) {
            Collections.reverse(events);
        }
        Page<HistoryEvent> page = Page.of(events, HistoryEvent::id, reverse,
                "GetExecutionHistory|" + e.arn() + "|" + reverse, r.optional("nextToken", 3096), r.maxResults());
        ObjectNode out = Wire.object();
        ArrayNode array = out.putArray("events");
        for (HistoryEvent event : page.items()) {
            ObjectNode o = array.addObject();
            Wire.time(o, "timestamp", event.timestamp());
            o.put("type", event.type()).put("id", event.id()).put("previousEventId", event.previousEventId());
            if (event.details() != null) {
                ObjectNode details = event.details().deepCopy();
                if (!data) {
                    details.remove(List.of("input", "output"));
                }
                o.set(event.detailsField(), details);
            }
        }
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    // ------------------------------------------------------------------ changing

    private ObjectNode stopExecution(Request r) {
        ExecutionRecord e = execution(r.required("executionArn", Request.MAX_ARN));
        String error = r.optional("error", 256);
        String cause = r.optional("cause", 32_768);
        synchronized (e) {
            if (!e.run.isDone()) {
                e.run.stop(error, cause);
            }
            e.settle();
            driver.poke(e);
            return Wire.time(Wire.object(), "stopDate", e.run.stopTime());
        }
    }

    private ObjectNode redriveExecution(Request r) {
        ExecutionRecord e = execution(r.required("executionArn", Request.MAX_ARN));
        String clientToken = r.optional("clientToken", 64);
        synchronized (e) {
            if (clientToken == null || !clientToken.equals(e.redriveToken)) {
                e.catchUp(wallNow());
                String reason = e.run.notRedrivableReason();
                if (reason != null) {
                    throw new ApiException("ExecutionNotRedrivable", reason);
                }
                e.redrive(wallNow(), ExecutionDriver.wallNanos());
                e.redriveToken = clientToken;
                driver.add(e);
            }
            return Wire.time(Wire.object(), "redriveDate", e.run.redriveTime());
        }
    }

    private Instant wallNow() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
