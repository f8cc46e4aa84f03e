package dev.aslunit.internal.pipeline;

import dev.aslunit.Execution;

/**
 * Receives the child executions of a test's Distributed Maps one by one, as each ends, so that they
 * can be summarised (workflow coverage does) without the sandbox keeping them: memory then does not
 * grow with the number of items. Register it with {@link Sandboxes#onChildExecutionEnd}.
 */
@FunctionalInterface
public interface ChildExecutionListener {

    /**
     * @param parent   the execution whose Distributed Map state started the child (still running)
     * @param mapState the name of that Map state
     * @param child    the child execution, an execution of the Map's item processor read from its own
     *                 history; one still running when its parent ended comes as far as it got
     */
    void ended(Execution parent, String mapState, Execution child);
}
