package dev.aslunit.server;

import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.engine.ExecutionRun;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One execution the server runs, with the state machine revision it started from. The engine is
 * single-threaded per execution, so every access to {@link #run} and {@link #scheduler} holds
 * this object's monitor: request threads (Describe, callbacks, Stop) and the driver thread take
 * turns.
 */
final class ExecutionRecord {

    /** Steps one driver turn may run before other executions get theirs. */
    private static final int STEPS_PER_TURN = 500;
    static final long NEVER = Long.MAX_VALUE;

    final long sequence;
    final Resources.Machine machine;
    final String input;
    final boolean express;
    final ExecutionRun run;
    final VirtualScheduler scheduler;
    /** Completes once the execution has ended (StartSyncExecution waits on it); a redrive starts a new one. */
    volatile CompletableFuture<ExecutionRecord> done = new CompletableFuture<>();
    /** The {@code clientToken} of the last RedriveExecution, which makes repeating it harmless. */
    String redriveToken;

    // Where virtual time stood at a wall-clock instant; virtual time advances from there at the mode's pace.
    private Instant anchorVirtual;
    private long anchorWallNanos;
    private boolean waiting;
    /** The wall-clock instant (System.nanoTime) of the next turn this execution needs; 0 for at once. */
    private volatile long wakeAtNanos;

    ExecutionRecord(long sequence, Resources.Machine machine, String input, boolean express, ExecutionRun run,
            VirtualScheduler scheduler, long wallNanos) {
        this.sequence = sequence;
        this.machine = machine;
        this.input = input;
        this.express = express;
        this.run = run;
        this.scheduler = scheduler;
        this.anchorVirtual = scheduler.now();
        this.anchorWallNanos = wallNanos;
    }

    String arn() {
        return run.executionArn();
    }

    long wakeAtNanos() {
        return wakeAtNanos;
    }

    /** Something from outside (a callback, a stop) changed the execution: it needs a turn now. */
    void poke() {
        wakeAtNanos = 0;
    }

    /** Moves the execution on by one driver turn, then notes when it needs the next one. */
    synchronized void drive(TimeMode mode, long wallNanos) {
        boolean more = false;
        if (!run.isDone()) {
            if (mode.eager() && run.pendingTaskTokens().isEmpty()) {
                int steps = 0;
                while (!run.isDone() && run.pendingTaskTokens().isEmpty() && steps < STEPS_PER_TURN
                        && scheduler.runNext()) {
                    steps++;
                }
                more = steps == STEPS_PER_TURN;
                waiting = false;
                if (!run.isDone() && !run.pendingTaskTokens().isEmpty()) {
                    // From here on it waits for a callback on the wall clock, so its task timeouts still expire.
                    anchor(wallNanos);
                }
            } else {
                if (mode.eager() && !waiting) {
                    anchor(wallNanos);
                }
                long elapsed = Math.max(0, wallNanos - anchorWallNanos);
                Instant target = anchorVirtual.plus(Duration.ofNanos((long) (elapsed * mode.factor())));
                if (target.isAfter(scheduler.now())) {
                    scheduler.advanceTo(target);
                }
                if (mode.eager() && run.pendingTaskTokens().isEmpty()) {
                    more = true;
                }
            }
        }
        settle();
        wakeAtNanos = run.isDone() ? NEVER : more ? 0 : nextWake(mode);
    }

    private void anchor(long wallNanos) {
        anchorVirtual = scheduler.now();
        anchorWallNanos = wallNanos;
        waiting = true;
    }

    /** The wall-clock instant at which the next scheduled action falls due at the mode's pace. */
    private long nextWake(TimeMode mode) {
        Instant due = scheduler.nextDue();
        if (due == null) {
            return NEVER;
        }
        Duration ahead = Duration.between(anchorVirtual, due);
        double virtualNanos = ahead.getSeconds() * 1e9 + ahead.getNano();
        double wall = anchorWallNanos + Math.ceil(virtualNanos / mode.factor()) + 1;
        return wall >= NEVER ? NEVER : (long) wall;
    }

    /**
     * RedriveExecution: the run resumes from now, its clock first brought up to {@code wallTime}
     * when the wall clock has passed it (AWS's 14-day limit counts on the wall clock).
     */
    synchronized void redrive(Instant wallTime, long wallNanos) {
        catchUp(wallTime);
        run.redrive();
        done = new CompletableFuture<>();
        anchorVirtual = scheduler.now();
        anchorWallNanos = wallNanos;
        waiting = false;
        wakeAtNanos = 0;
    }

    /** Brings an ended run's clock up to {@code wallTime}; what is left in its queue belongs to the ended attempt. */
    synchronized void catchUp(Instant wallTime) {
        if (run.isDone() && wallTime.isAfter(scheduler.now())) {
            scheduler.advanceTo(wallTime);
        }
    }

    /** Ends the execution when the engine itself failed, so one defect cannot wedge the driver. */
    synchronized void fail(Throwable e) {
        System.getLogger(ExecutionRecord.class.getName()).log(System.Logger.Level.WARNING,
                "Execution " + arn() + " stopped by an internal error: " + e);
        if (!run.isDone()) {
            run.stop("States.Runtime", "ASLUnit internal error: " + e);
        }
        settle();
        wakeAtNanos = NEVER;
    }

    /** Completes {@link #done} once the run has ended; call after anything that may end it. */
    synchronized void settle() {
        if (run.isDone() && !done.isDone()) {
            done.complete(this);
        }
    }
}
