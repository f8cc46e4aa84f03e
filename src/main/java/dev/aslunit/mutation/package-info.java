/**
 * Mutation testing of workflow definitions: the operators ({@link dev.aslunit.mutation.MutationOperator}),
 * the mutants {@link dev.aslunit.mutation.Mutator} makes of a definition, and the report of a run
 * ({@link dev.aslunit.mutation.MutationReport}) that {@code dev.aslunit.junit.MutationTesting} and
 * {@code aslunit mutate} produce. Public API.
 */
package dev.aslunit.mutation;
