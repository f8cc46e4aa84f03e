/**
 * Verify on AWS (docs/verify-on-aws.md): after a test ran an execution on ASLUnit's engine, walks the
 * path it took state by state, asks a Step Functions endpoint's TestState API for each state with the
 * same input, variables, mocked answer and retry count, and compares the two answers. Reads the
 * engine's records ({@code internal.facts}) through the result API; reaches the endpoint through the
 * optional AWS SDK for Java v2 ({@code sfn}, and {@code sts} for the account guard), loaded only in
 * verify mode. Knows no front end: the JUnit extension hands it the test's executions.
 */
package dev.aslunit.internal.verify;
