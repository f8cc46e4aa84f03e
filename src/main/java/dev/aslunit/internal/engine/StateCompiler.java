package dev.aslunit.internal.engine;

import dev.aslunit.internal.definition.ChoiceState;
import dev.aslunit.internal.definition.FailState;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.ParallelState;
import dev.aslunit.internal.definition.PassState;
import dev.aslunit.internal.definition.SucceedState;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.definition.WaitState;
import java.util.List;

/**
 * How one query language compiles each type of state into its step: {@link PathCompiler} for
 * JSONPath, {@link AtaCompiler} for JSONata. {@link Compiler} walks the machines and dispatches on the state's
 * type, once for both; a step that cannot be built returns {@code null} after reporting the problem.
 */
interface StateCompiler {

    Step pass(PassState s);

    Step task(TaskState s);

    Step choice(ChoiceState s);

    Step pause(WaitState s);

    Step succeed(SucceedState s);

    Step fail(FailState s);

    /** A Parallel state over its branches, already compiled. */
    Step parallel(ParallelState s, List<CompiledMachine> branches);

    Step map(MapState s);
}
