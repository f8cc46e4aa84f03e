package dev.aslunit.testfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.definition.SourceLocation;
import dev.aslunit.definition.StateMachineType;
import dev.aslunit.Execution;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the state machine of a case is: a definition file and how to load it. */
record MachineSpec(Path definition, String logicalId, Map<String, String> substitutions, StateMachineType type,
        Path mockConfigFile, String testCase, SourceLocation at) {
}

/**
 * The mock of one Task state ({@code resource == false}) or of every Task calling a resource: its
 * scripts, the unconditional one first.
 */
record MockSpec(boolean resource, String target, SourceLocation at, List<Script> scripts) {
}

/** Answers for the calls whose input has {@code is} at {@code inputAt}; {@code inputAt == null} for the rest. */
record Script(String inputAt, JsonNode is, List<Answer> answers, SourceLocation at) {
}

/** One answer of a mock, in the Java DSL's words: its kind, what it carries, and its modifiers. */
record Answer(Kind kind, JsonNode value, Path file, String error, String cause, int status, Integer times,
        Duration after, SourceLocation at) {

    enum Kind { RETURNS, RETURNS_FILE, FAILS, HTTP_RESPONSE, NEVER_ANSWERS, WAITS_FOR_CALLBACK, SENDS_SUCCESS, SENDS_FAILURE }
}

/**
 * One expectation of a case, checked by the AssertJ assertions a Java test would use; {@code states}
 * are the state names it names, checked against the definition before the case runs.
 */
record Expectation(List<Named> states, SourceLocation at, Check check) {

    /** A state name as written, and where. */
    record Named(String name, SourceLocation at, boolean mustBeMocked) {
    }

    @FunctionalInterface
    interface Check {
        void verify(Execution execution, StateMachineUnderTest sfn);
    }
}
