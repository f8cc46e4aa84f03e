package dev.aslunit.testfile;

import dev.aslunit.internal.definition.SourceLocation;
import java.util.List;

/**
 * The mock of one Task state ({@code resource == false}) or of every Task calling a resource: its
 * scripts, the unconditional one first.
 */
record MockSpec(boolean resource, String target, SourceLocation at, List<Script> scripts) {
}
