package dev.aslunit.internal.clock;

import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The only source of randomness in an execution ({@code States.UUID}, {@code States.MathRandom},
 * {@code $random}, {@code $uuid}, FULL retry jitter, task tokens, default execution names): the
 * same seed gives the same sequence on every JVM.
 */
public final class SeededRandom implements RandomGenerator {

    private final SplittableRandom random;

    public SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    /** A version-4 UUID built from this source. */
    public UUID uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
