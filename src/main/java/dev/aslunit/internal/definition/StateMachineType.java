package dev.aslunit.internal.definition;

/** The two kinds of state machine AWS runs; some integration patterns exist only in STANDARD. */
public enum StateMachineType {
    STANDARD,
    EXPRESS
}
