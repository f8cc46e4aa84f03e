package dev.aslunit.internal.engine;

import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.StateMachineDefinition;
import java.util.Objects;

/**
 * A state machine compiled once (every path, template, intrinsic and expression parsed up front)
 * and started any number of times, each execution on its own {@link VirtualScheduler}. Immutable
 * and safe to share between threads.
 */
public final class CompiledStateMachine {

    private final StateMachineDefinition definition;
    private final String name;
    private final CompiledMachine top;

    private CompiledStateMachine(StateMachineDefinition definition, String name, CompiledMachine top) {
        this.definition = definition;
        this.name = name;
        this.top = top;
    }

    /** @throws DefinitionException listing every problem found, each with its location */
    public static CompiledStateMachine compile(StateMachineDefinition definition, String stateMachineName) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(stateMachineName, "stateMachineName");
        return new CompiledStateMachine(definition, stateMachineName, Compiler.compile(definition));
    }

    /** Starts an execution: writes {@code ExecutionStarted} and schedules the first state on {@code scheduler}. */
    public ExecutionRun start(ExecutionOptions options, VirtualScheduler scheduler) {
        ExecutionRun run = new ExecutionRun(this, options, scheduler);
        run.begin();
        return run;
    }

    public String name() {
        return name;
    }

    public StateMachineDefinition definition() {
        return definition;
    }

    /** The state machine's ARN in {@code options}' region and account. */
    public String arn(ExecutionOptions options) {
        return "arn:aws:states:" + options.region() + ":" + options.accountId() + ":stateMachine:" + name;
    }

    CompiledMachine top() {
        return top;
    }

    Integer timeoutSeconds() {
        return definition.timeoutSeconds();
    }
}
