/**
 * The interpreter: compiles a definition once into steps, then runs executions on virtual time and
 * writes AWS's history events. Knows AWS's service contracts ({@code integration}) but never who
 * answers a task: answers come through {@link dev.aslunit.internal.engine.TaskHandler}.
 */
package dev.aslunit.internal.engine;
