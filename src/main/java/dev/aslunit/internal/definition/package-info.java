/**
 * The immutable model of an ASL definition (records and sealed {@link dev.aslunit.internal.definition.State}s
 * with their {@link dev.aslunit.internal.definition.SourceLocation}s) and its reader. Depends on nothing of
 * ours above {@code json}.
 */
package dev.aslunit.internal.definition;
