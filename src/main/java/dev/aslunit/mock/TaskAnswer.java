package dev.aslunit.mock;

/** A mock's answer computed from the call, e.g. {@code call -> TaskResults.json(...)}. */
@FunctionalInterface
public interface TaskAnswer {

    TaskResult answer(TaskCall call);
}
