/**
 * The one way in for every front end (the JUnit extension, the Cucumber steps, the CLI's single
 * run and batch, the server): a definition is loaded, validated and compiled by
 * {@link dev.aslunit.internal.pipeline.DefinitionPipeline}, every problem on the way is a
 * {@link dev.aslunit.internal.validation.Diagnostic}, and the Task states of its executions are
 * answered by one {@link dev.aslunit.internal.pipeline.TaskAnswers} chain.
 */
package dev.aslunit.internal.pipeline;
