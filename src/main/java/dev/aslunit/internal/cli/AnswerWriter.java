package dev.aslunit.internal.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes a batch's answers, in the order they were made, on a thread of its own while the next
 * request runs. Writing a history as JSON costs about as much as running the execution that made
 * it (the benchmark suite's 326 answers are 45 MB), so on a machine with two cores or more the two
 * overlap instead of adding up. Only a few answers wait at a time, so a batch of long histories
 * still never sits in memory whole.
 */
final class AnswerWriter {

    private static final int WAITING = 2;
    private static final Batch.Answer END = new Batch.Answer(null, null, null);

    private final JsonGenerator g;
    private final BlockingQueue<Batch.Answer> queue = new ArrayBlockingQueue<>(WAITING);
    private final Thread thread;
    private volatile IOException failure;

    AnswerWriter(JsonGenerator g) {
        this.g = g;
        this.thread = new Thread(this::writeAll, "aslunit-batch-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void add(Batch.Answer answer) {
        put(answer);
    }

    /** Standard output is gone (a closed pipe): the requests left are not worth running. */
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
            throw new IOException("interrupted while writing the batch's answers", e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void put(Batch.Answer answer) {
        try {
            queue.put(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while queueing an answer", e));
        }
    }

    private void writeAll() {
        try {
            for (Batch.Answer a = queue.take(); a != END; a = queue.take()) {
                if (failure != null) {
                    continue; // keeps taking, so that the running side never waits on a full queue
                }
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
            if (failure == null) {
                g.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            failure = e;
        }
    }
}
