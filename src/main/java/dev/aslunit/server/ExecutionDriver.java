package dev.aslunit.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The thread that moves every running execution's virtual clock, in turns, so a long execution
 * cannot starve the others. In virtual mode an execution runs at once until it ends or waits for
 * a callback; otherwise (and while it waits) its clock follows the wall clock at the mode's pace:
 * the driver sleeps until the wall-clock instant at which the earliest scheduled action of any
 * execution falls due, or until a request changes an execution. Only this class and
 * {@link ExecutionRecord} read the wall clock for executions: the engine never does.
 */
final class ExecutionDriver implements AutoCloseable {

    private final TimeMode mode;
    private final Set<ExecutionRecord> active = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private boolean signalled;
    private volatile boolean closed;

    ExecutionDriver(TimeMode mode) {
        this.mode = mode;
        this.thread = new Thread(this::loop, "aslunit-serve-driver");
        thread.setDaemon(true);
        thread.start();
    }

    static long wallNanos() {
        return System.nanoTime();
    }

    void add(ExecutionRecord record) {
        active.add(record);
        signal();
    }

    /** A request changed {@code record} (a callback, a stop): give it a turn now. */
    void poke(ExecutionRecord record) {
        record.poke();
        signal();
    }

    private void signal() {
        lock.lock();
        try {
            signalled = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (!closed) {
            long now = wallNanos();
            boolean immediate = false;
            long next = ExecutionRecord.NEVER;
            for (ExecutionRecord record : active) {
                if (due(record.wakeAtNanos(), now)) {
                    try {
                        record.drive(mode, wallNanos());
                    } catch (RuntimeException | Error e) {
                        // An engine defect must not stop every other execution; the record says what happened.
                        record.fail(e);
                    }
                    if (record.done.isDone()) {
                        active.remove(record);
                        if (!record.done.isDone()) {
                            // RedriveExecution gave it a new attempt (and added it) in the meantime
                            active.add(record);
                        }
                        continue;
                    }
                }
                long wakeAt = record.wakeAtNanos();
                if (wakeAt == 0) {
                    immediate = true;
                } else if (wakeAt != ExecutionRecord.NEVER && (next == ExecutionRecord.NEVER || wakeAt - next < 0)) {
                    next = wakeAt;
                }
            }
            lock.lock();
            try {
                if (!signalled && !closed && !immediate) {
                    long sleep = next == ExecutionRecord.NEVER ? Long.MAX_VALUE : next - wallNanos();
                    if (sleep > 0) {
                        wake.awaitNanos(sleep);
                    }
                }
                signalled = false;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Whether a turn asked for at {@code wakeAt} is due at {@code now}; nanoTime values compare by difference. */
    private static boolean due(long wakeAt, long now) {
        return wakeAt == 0 || (wakeAt != ExecutionRecord.NEVER && wakeAt - now <= 0);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
