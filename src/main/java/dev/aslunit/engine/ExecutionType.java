package dev.aslunit.engine;

/** The two workflow types of Step Functions. */
public enum ExecutionType {
    STANDARD,
    EXPRESS
}
