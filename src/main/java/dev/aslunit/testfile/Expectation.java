package dev.aslunit.testfile;

import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.Execution;
import java.util.List;

/**
 * One expectation of a case, checked by the AssertJ assertions a Java test would use; {@code states}
 * are the state names it names, checked against the definition before the case runs.
 */
record Expectation(List<Named> states, SourceLocation at, Check check) {

    /** A state name as written, and where. */
    record Named(String name, SourceLocation at) {
    }

    @FunctionalInterface
    interface Check {
        void verify(Execution execution, StateMachineUnderTest sfn);
    }
}
