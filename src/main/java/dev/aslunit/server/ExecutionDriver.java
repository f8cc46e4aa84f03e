package dev.aslunit.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The thread that moves every running execution's virtual clock, in turns, so a long execution
 * cannot starve the others. In virtual mode an execution runs at once until it ends or waits for
 * a callback; otherwise (and while it waits) its clock follows the wall clock at the mode's pace,
 * checked every {@link #TICK_MILLIS} ms. Only this class and {@link ExecutionRecord} read the
 * wall clock for executions: the engine never does.
 */
final class ExecutionDriver implements AutoCloseable {

    private static final long TICK_MILLIS = 10;

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

    /** Something changed from outside (a callback, a stop): take another turn now. */
    void signal() {
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
            boolean more = false;
            for (ExecutionRecord record : active) {
                try {
                    more |= record.drive(mode, wallNanos());
                } catch (RuntimeException e) {
                    // An engine defect must not stop every other execution; the record says what happened.
                    record.fail(e);
                }
                if (record.done.isDone()) {
                    active.remove(record);
                }
            }
            lock.lock();
            try {
                if (!more && !signalled && !closed) {
                    wake.await(TICK_MILLIS, TimeUnit.MILLISECONDS);
                }
                signalled = false;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
