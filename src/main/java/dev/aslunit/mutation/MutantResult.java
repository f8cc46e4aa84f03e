package dev.aslunit.mutation;

/**
 * What the tests did with one mutant.
 *
 * @param killedBy the first test that failed ({@code Class#method}), or why it counts as killed; {@code null} otherwise
 * @param failure  the first line of that test's failure, or {@code null}
 * @param nanos    how long its run took (0 for one not run)
 */
public record MutantResult(Mutant mutant, Status status, String killedBy, String failure, long nanos) {

    /** A mutant's fate. A mutant whose run outlasted its timeout counts as killed, as PIT counts it. */
    public enum Status {
        KILLED, TIMED_OUT, SURVIVED, EQUIVALENT,
        /** The time budget ran out before its turn. */
        NOT_RUN;

        public boolean killed() {
            return this == KILLED || this == TIMED_OUT;
        }
    }
}
