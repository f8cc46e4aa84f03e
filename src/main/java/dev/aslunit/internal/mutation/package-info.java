/**
 * Mutation testing's runner, whatever the front end: {@link dev.aslunit.internal.mutation.MutationRun}
 * runs a suite against every mutant of a definition, in parallel, inside a
 * {@link dev.aslunit.internal.pipeline.MutantScope} each, with a timeout per mutant and a time budget;
 * {@link dev.aslunit.internal.mutation.TestFileMutation} is the test files' suite. The JUnit classes'
 * and Cucumber features' suites are in {@code dev.aslunit.junit.MutationTesting}, which runs them
 * through the JUnit Platform Launcher.
 */
package dev.aslunit.internal.mutation;
