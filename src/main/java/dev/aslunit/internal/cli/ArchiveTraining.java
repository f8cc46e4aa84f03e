package dev.aslunit.internal.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.aslunit.internal.json.JsonWriting;
import dev.aslunit.internal.report.CoverageCollector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The run that a class-data sharing archive is made from. The launcher ({@code bin/aslunit}) asks
 * for it ({@code -Daslunit.train=true}) only in the run that writes the archive, and the JVM archives
 * the classes that run loaded: without it, an archive made by a first run of, say, a batch of Wait
 * states lacks the classes of Map states, mock files and JSONata, and every later run of those loads
 * and verifies them from the jar again. The requests ({@code training.jsonl} beside this class) touch
 * each kind of state, both query languages, a mock file with retries and catchers, S3 and an
 * invalid definition; their answers are discarded.
 */
final class ArchiveTraining {

    static final String PROPERTY = "aslunit.train";

    private ArchiveTraining() {
    }

    /** Runs the training requests when the launcher asked for them; never fails the user's command. */
    static void runIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        try (InputStream in = ArchiveTraining.class.getResourceAsStream("training.jsonl");
             JsonGenerator g = JsonWriting.factory().createGenerator(OutputStream.nullOutputStream(), JsonEncoding.UTF8)) {
            if (in != null) {
                AnswerWriter writer = new AnswerWriter(g);
                try {
                    new Batch(new CoverageCollector()).answerAll(new RequestLines(in), writer);
                } finally {
                    writer.finish();
                }
            }
        } catch (IOException | RuntimeException e) {
            // an archive made without the training is only smaller; the user's command already ran
        }
    }
}
