package dev.aslunit.server;

/**
 * How TestState checks a mocked Task result against the API the Task calls (AWS's
 * {@code mock.fieldValidationMode}).
 */
public enum FieldValidationMode {
    /** Every required field present, every present field of the API's type and range (the default). */
    STRICT,
    /** Every present field of the API's type and range. */
    PRESENT,
    /** No check. */
    NONE
}
