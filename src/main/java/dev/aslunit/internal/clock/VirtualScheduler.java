package dev.aslunit.internal.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event scheduler on a virtual clock. Time moves only when the scheduler moves it: to the
 * instant of the next action ({@link #runNext()}, {@link #runUntilIdle()}) or explicitly
 * ({@link #advanceBy(Duration)}, {@link #advanceTo(Instant)}). Actions due at the same instant run
 * in the order they were scheduled, so a run is reproducible. Not thread-safe: one scheduler
 * belongs to one test sandbox or one CLI request and is driven from one thread.
 */
public final class VirtualScheduler {

    private record Entry(Instant at, long seq, Runnable action) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private Instant now;
    private long sequence;
    private BooleanSupplier stop = () -> false;
    private String stopReason;

    public VirtualScheduler(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    public Instant now() {
        return now;
    }

    /**
     * Every action passes through {@link #runNext()}, so a run on this clock ends at its next action
     * once {@code stop} holds, whatever the workflow does (a retry storm, a long loop below the event
     * limit): {@code runNext()} then throws {@link Stopped} with {@code reason}. Mutation testing stops
     * a mutant's tests this way when its time is up or a test has already killed it.
     */
    public void stopWhen(BooleanSupplier stop, String reason) {
        this.stop = Objects.requireNonNull(stop, "stop");
        this.stopReason = reason;
    }

    /** A run on a clock whose {@linkplain #stopWhen stop condition} held. */
    public static final class Stopped extends RuntimeException {
        Stopped(String reason) {
            super(reason);
        }
    }

    /** Runs {@code action} at {@code at}; an instant in the past means "as soon as possible". */
    public void schedule(Instant at, Runnable action) {
        queue.add(new Entry(at.isBefore(now) ? now : at, sequence++, Objects.requireNonNull(action, "action")));
    }

    /** Runs {@code action} after {@code delay} of virtual time. */
    public void scheduleAfter(Duration delay, Runnable action) {
        schedule(now.plus(delay), action);
    }

    /** @return {@code true} when nothing is scheduled */
    public boolean isIdle() {
        return queue.isEmpty();
    }

    /** When the next action is due, or {@code null} when nothing is scheduled. */
    public Instant nextDue() {
        Entry e = queue.peek();
        return e == null ? null : e.at;
    }

    /** Moves the clock to the next action and runs it; {@code false} when nothing is scheduled. */
    public boolean runNext() {
        if (stop.getAsBoolean()) {
            throw new Stopped(stopReason);
        }
        Entry e = queue.poll();
        if (e == null) {
            return false;
        }
        now = e.at;
        e.action.run();
        return true;
    }

    /** Runs every action, including the ones that actions schedule, until none is left. */
    public void runUntilIdle() {
        while (runNext()) {
            // each step runs one action
        }
    }

    /** Runs every action due within {@code duration}, then leaves the clock {@code duration} later. */
    public void advanceBy(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Cannot move a virtual clock backwards: " + duration);
        }
        advanceTo(now.plus(duration));
    }

    /** Runs every action due up to {@code target}, then leaves the clock at {@code target}. */
    public void advanceTo(Instant target) {
        if (target.isBefore(now)) {
            throw new IllegalArgumentException("Cannot move a virtual clock backwards from " + now + " to " + target);
        }
        while (!queue.isEmpty() && !queue.peek().at.isAfter(target)) {
            runNext();
        }
        now = target;
    }
}
