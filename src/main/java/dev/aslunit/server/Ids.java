package dev.aslunit.server;

import dev.aslunit.internal.clock.SeededRandom;

/**
 * The server's identifiers (default execution names, revision and request ids) and the seed of
 * each execution, all from one seeded source: a server run hands out the same sequence every
 * time, as the engine does for a single execution. Shared by the request threads, hence synchronized.
 */
final class Ids {

    private final SeededRandom random = new SeededRandom(0x5F3L);

    synchronized String uuid() {
        return random.uuid().toString();
    }

    synchronized long seed() {
        return (long) (random.nextDouble() * Long.MAX_VALUE);
    }
}
