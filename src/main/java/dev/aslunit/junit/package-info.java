/**
 * The JUnit Jupiter extension ({@link dev.aslunit.junit.StepFunctionTest},
 * {@link dev.aslunit.junit.StepFunctionExtension}), the embedded server extension and the launcher
 * session listener that writes the coverage report at the end of a run. Public API.
 */
package dev.aslunit.junit;
