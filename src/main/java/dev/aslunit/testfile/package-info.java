/**
 * Test-case files: workflow tests written as data (YAML or JSON, many cases per file) instead of
 * Java. {@link dev.aslunit.testfile.TestFileReader} reads and checks a file, reporting every mistake
 * with its file, line and column; {@link dev.aslunit.testfile.TestFileRunner} runs its cases through
 * the same public API a JUnit test uses ({@code StateMachineUnderTest}, the mocks and
 * {@code StepFunctionAssertions}). {@code aslunit test} and the JUnit dynamic-test source
 * {@code dev.aslunit.junit.AslUnitTestFiles} are the two front ends. The format is
 * {@code docs/test-files.md}; its JSON Schema is {@code aslunit-test.schema.json}.
 */
package dev.aslunit.testfile;
