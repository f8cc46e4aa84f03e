package dev.aslunit.testfile;

import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.StateMachineType;
import java.nio.file.Path;
import java.util.Map;

/** What the state machine of a case is: a definition file and how to load it. */
record MachineSpec(Path definition, String logicalId, Map<String, String> substitutions, StateMachineType type,
        Path mockConfigFile, String testCase, SourceLocation at) {
}
