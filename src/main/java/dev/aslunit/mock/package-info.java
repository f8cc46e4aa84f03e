/**
 * The mock DSL a test uses to answer Task states ({@link dev.aslunit.mock.TaskMock}), AWS-shaped results
 * ({@link dev.aslunit.mock.TaskResults}) and the record of each call ({@link dev.aslunit.mock.TaskCall}).
 * Public API.
 */
package dev.aslunit.mock;
