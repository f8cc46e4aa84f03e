package dev.aslunit;

/**
 * The two kinds of state machine AWS runs; some integration patterns exist only in STANDARD. Public
 * API (a test chooses it), and the one API type the internal model uses: docs/architecture.md.
 */
public enum StateMachineType {
    STANDARD,
    EXPRESS
}
