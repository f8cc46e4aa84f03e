/**
 * The front door: a definition prepared once ({@link dev.aslunit.PreparedStateMachine}), the per-test
 * sandbox that runs it ({@link dev.aslunit.StateMachineUnderTest}, with its {@link dev.aslunit.VirtualClock},
 * {@link dev.aslunit.InMemoryS3} and {@link dev.aslunit.TaskToken}s), the options
 * ({@link dev.aslunit.StepFunctionsConfig}), and what a run gives back: an {@link dev.aslunit.Execution}
 * with its states, visits, attempts, iterations and branches. Public API.
 */
package dev.aslunit;
