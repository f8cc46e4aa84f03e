/**
 * JSONata and workflow variables as Step Functions runs them, over {@code com.dashjoin:jsonata}.
 *
 * <p>For the engine, per JSONata field at load: {@link dev.aslunit.internal.jsonata.JsonataTemplate#compile}
 * (and {@link dev.aslunit.internal.jsonata.JsonataAssign#compile} for {@code Assign}); per evaluation: a
 * {@link dev.aslunit.internal.jsonata.JsonataScope} ({@link dev.aslunit.internal.jsonata.JsonataScope#of} over
 * {@link dev.aslunit.internal.jsonata.JsonataScope#statesObject}) and
 * {@link dev.aslunit.internal.jsonata.JsonataTemplate#evaluate}; failures are
 * {@link dev.aslunit.internal.jsonata.QueryEvaluationException}s carrying AWS's cause and the
 * {@code EvaluationFailed} event details. Variables live in
 * {@link dev.aslunit.internal.jsonata.VariableScope}s (one root per execution, a child per Parallel branch
 * and inline Map iteration), which also produce the {@code assignedVariables} event fields.
 *
 * <p>For the validator: {@link dev.aslunit.internal.jsonata.JsonataChecker#check} on the definition's JSON.
 */
package dev.aslunit.internal.jsonata;
