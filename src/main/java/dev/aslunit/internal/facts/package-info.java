/**
 * What happened in an execution, as facts: the engine records them as it runs ({@link
 * dev.aslunit.internal.facts.FactLog}), {@link dev.aslunit.internal.facts.AwsHistoryFacts} reads the
 * same from a history recorded on AWS, and {@link dev.aslunit.internal.facts.ExecutionRecord} folds
 * them into the visits, attempts and scopes that the result API, the trace, the coverage and the
 * pictures read.
 */
package dev.aslunit.internal.facts;
