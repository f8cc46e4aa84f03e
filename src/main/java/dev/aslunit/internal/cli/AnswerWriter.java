package dev.aslunit.internal.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes a batch's answers, in the order they were made, on a thread of its own while the next
 * request runs. Writing a history as JSON costs about as much as running the execution that made
 * it (the benchmark suite's 326 answers are 45 MB), so on a machine with two cores or more the two
 * overlap instead of adding up.
 *
 * <p>Overlapping keeps two histories alive at once, the one being written and the one being made.
 * That is nothing for most answers, but two histories of tens of thousands of events are a tenth
 * more peak memory for a batch of them; so after a history of more than {@link #LONG_HISTORY}
 * events the next request waits until it is written, and a batch of long histories never holds
 * more than one.
 */
final class AnswerWriter {

    static final int LONG_HISTORY = 4096;
    private static final int WAITING = 2;
    private static final Batch.Answer END = new Batch.Answer(null, null, null);

    private final JsonGenerator g;
    private final BlockingQueue<Batch.Answer> queue = new ArrayBlockingQueue<>(WAITING);
    private final Thread thread;
    private volatile IOException failure;
    private long added;
    private long written;

    AnswerWriter(JsonGenerator g) {
        this.g = g;
        this.thread = new Thread(this::writeAll, "aslunit-batch-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void add(Batch.Answer answer) throws IOException {
        put(answer);
        if (answer.run() != null && answer.run().history().size() > LONG_HISTORY) {
            awaitWritten();
        }
    }

    /** Writing failed (a bug of ours, or an output that throws): the requests left are not worth running. */
    boolean failed() {
        return failure != null;
    }

    /** Waits until every answer added is written and flushed; rethrows what writing them threw. */
    void finish() throws IOException {
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the batch's answers");
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void put(Batch.Answer answer) throws IOException {
        if (answer != END) {
            synchronized (this) {
                added++;
            }
        }
        try {
            queue.put(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while queueing an answer");
        }
    }

    private synchronized void awaitWritten() throws IOException {
        try {
            while (written < added) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an answer to be written");
        }
    }

    private void writeAll() {
        try {
            while (writeNext()) {
                // each answer in a call of its own: no local of this loop keeps the last history alive
                // (and in memory) while the next request runs
            }
            if (failure == null) {
                g.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            failure = e;
        }
    }

    private boolean writeNext() throws InterruptedException {
        Batch.Answer a = queue.take();
        if (a == END) {
            return false;
        }
        if (failure == null) { // after a failure it keeps taking, so that adding never blocks
            try {
                a.write(g);
                g.writeRaw('\n');
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException e) {
                // a bug of ours; the running side must hear of it, not wait on a queue nobody empties
                failure = new IOException("aslunit failed writing an answer: " + e, e);
            }
        }
        synchronized (this) {
            written++;
            notifyAll();
        }
        return true;
    }
}
