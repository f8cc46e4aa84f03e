package dev.aslunit.server;

/** How much {@link StateTest} reports, as AWS's TestState {@code inspectionLevel}. */
public enum InspectionLevel {
    /** The state's output, status and next state. */
    INFO,
    /** Also the data after each input and output processing step. */
    DEBUG,
    /** As DEBUG; for HTTP Tasks AWS adds the raw request and response. */
    TRACE
}
