/**
 * Hybrid runs: Task states a test marks as passed through are answered by a real endpoint (AWS, or
 * LocalStack and its kind) through the AWS SDK for Java v2, an optional dependency loaded only when a
 * pass-through is declared. {@link dev.aslunit.internal.passthrough.PassThrough} is the
 * {@link dev.aslunit.internal.engine.TaskHandler}; the request is built from the Task's parameters and
 * the response read back through the SDK model's field metadata, so one mechanism serves every
 * {@code aws-sdk:*} service whose client is on the classpath, and the optimized integrations shape
 * their results with {@link dev.aslunit.internal.integration.ServiceResponses} as the mocks do.
 * A nested execution's {@code .sync} waits in the SDK's own waiter, bounded, never in ASLUnit's code.
 * {@code CallbackEndpoint} takes the task callbacks that passed-through functions send themselves.
 * The only package besides the server that reads a real clock: to add a call's real duration as
 * latency when the configuration asks for it.
 */
package dev.aslunit.internal.passthrough;
