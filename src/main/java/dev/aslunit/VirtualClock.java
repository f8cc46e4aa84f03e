package dev.aslunit;

import java.time.Duration;
import java.time.Instant;

/**
 * The virtual clock of one test: time moves only when the test or an execution's run moves it.
 * Moving it fires, in timestamp order, everything due on the way: Wait states, retry backoffs, task
 * latencies, timeouts, heartbeats and scripted callbacks.
 */
public interface VirtualClock {

    Instant now();

    /** Fires everything due within {@code duration}, then leaves the clock {@code duration} later. */
    void advanceBy(Duration duration);

    /** Fires everything due up to {@code instant}, then leaves the clock there. */
    void advanceTo(Instant instant);
}
