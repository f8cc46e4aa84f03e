package dev.aslunit.internal.facts;

import java.util.function.Function;

/**
 * The seam from the result API to its records, for the internal readers that are handed API objects
 * (the pictures and the coverage): the API keeps its records package-private and installs the reader
 * when its class loads, so no API type grows a public accessor and nothing here names an API type.
 */
public final class Records {

    private static volatile Function<Object, VisitRecord> visits;

    private Records() {
    }

    /** Called once, by {@code dev.aslunit.StateVisit}. */
    public static void install(Function<Object, VisitRecord> reader) {
        visits = reader;
    }

    /** The record a {@code dev.aslunit.StateVisit} reads. */
    public static VisitRecord of(Object stateVisit) {
        return visits.apply(stateVisit);
    }
}
