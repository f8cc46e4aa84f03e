/**
 * The internal side of the mock DSL: what the sandbox, the mock files and the server do with a
 * test's {@link dev.aslunit.mock.TaskMocks} that a test does not (answer the engine's Task calls,
 * record calls answered elsewhere, explain a Task nobody answered), kept off the public class.
 */
package dev.aslunit.internal.mocks;
