package dev.aslunit.internal.validation;

/** As AWS's ValidateStateMachineDefinition: an ERROR means AWS would refuse to create the state machine. */
public enum Severity {
    ERROR,
    WARNING
}
