/**
 * How internals reach what a public API class keeps non-public: the class grants a seam
 * ({@code internal.pipeline.Models}, {@code internal.mocks.MockAccess} and their kind) a view of
 * itself when it initialises, held by {@link dev.aslunit.internal.seam.Granted}. Depends on nothing of ours.
 */
package dev.aslunit.internal.seam;
