package dev.aslunit.testfile;

import dev.aslunit.Execution;

/**
 * How one case went: {@link Outcome#PASSED}, {@link Outcome#FAILED} (an expectation did not hold)
 * or {@link Outcome#ERROR} (the case could not run: a definition that does not load, a state name
 * the definition lacks). {@code execution} is {@code null} when none started.
 */
public record CaseResult(TestCase testCase, Outcome outcome, String message, Execution execution, long millis) {

    public enum Outcome { PASSED, FAILED, ERROR }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
