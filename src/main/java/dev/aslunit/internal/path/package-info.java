/**
 * The JSONPath data flow of ASL, compiled once at load and evaluated per state without reparsing:
 * {@link dev.aslunit.internal.path.ReferencePath} ({@code InputPath}, {@code OutputPath},
 * {@code ItemsPath}, the {@code *Path} fields), {@link dev.aslunit.internal.path.PayloadTemplate}
 * ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}, JSONPath {@code Assign}),
 * {@link dev.aslunit.internal.path.ResultPath}, {@link dev.aslunit.internal.path.ValueExpression} (a path or one of
 * the 18 intrinsic functions) and {@link dev.aslunit.internal.path.ChoiceRuleEvaluator}.
 *
 * <p>What a path reads comes from a {@link dev.aslunit.internal.path.PathScope}; run-time failures are
 * {@link dev.aslunit.internal.path.PathEvaluationException}s carrying AWS's error name and cause, and
 * compile-time ones {@link dev.aslunit.internal.path.PathSyntaxException}s. JSON values are never mutated:
 * results share unchanged subtrees with their inputs and with the definition, so callers must
 * treat every {@code JsonNode} as immutable.
 */
package dev.aslunit.internal.path;
