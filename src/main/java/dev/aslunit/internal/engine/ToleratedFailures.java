package dev.aslunit.internal.engine;

import java.util.function.IntSupplier;

/**
 * A Map state's {@code ToleratedFailureCount} and {@code ToleratedFailurePercentage} (each -1 when
 * not set): the Map fails once its failed iterations exceed every one of them that is set.
 */
record ToleratedFailures(int count, double percentage) {

    /** Whether the state sets either: then exceeding them fails it with {@code States.ExceedToleratedFailureThreshold}. */
    boolean set() {
        return count >= 0 || percentage >= 0;
    }

    /**
     * Whether {@code failures} failed iterations stay within what is tolerated; the item count is
     * asked only for a percentage (a Distributed Map's reader then reads ahead to count its items).
     */
    boolean tolerates(int failures, IntSupplier itemCount) {
        if (count < 0 && percentage < 0) {
            return false;
        }
        boolean byCount = count >= 0 && failures <= count;
        boolean byPercentage = percentage >= 0
                && failures * 100.0 <= percentage * itemCount.getAsInt();
        return byCount || byPercentage;
    }
}
