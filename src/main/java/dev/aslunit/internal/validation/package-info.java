/**
 * The validator: every check AWS makes on a definition, reported as
 * {@link dev.aslunit.internal.validation.Diagnostic}s with AWS's codes, JSON pointers and file positions.
 */
package dev.aslunit.internal.validation;
