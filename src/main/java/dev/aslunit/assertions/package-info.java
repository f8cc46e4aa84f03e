/**
 * AssertJ assertions on executions, states, mocks and the sandbox S3:
 * {@link dev.aslunit.assertions.StepFunctionAssertions#assertThat} and
 * {@link dev.aslunit.assertions.StepFunctionSoftAssertions}. Public API; the message classes are
 * package-private and build text only.
 */
package dev.aslunit.assertions;
