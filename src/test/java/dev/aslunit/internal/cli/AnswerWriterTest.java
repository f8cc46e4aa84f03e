package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.JsonWriting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AnswerWriterTest {

    private static Batch.Answer answer(int n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", n);
        return new Batch.Answer(o.get("id"), null, o);
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = JsonWriting.factory().createGenerator(out, JsonEncoding.UTF8);
        g.setRootValueSeparator(null);
        return g;
    }

    @Test
    void writes_every_answer_once_in_the_order_it_was_added() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnswerWriter writer = new AnswerWriter(generator(out));
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            writer.add(answer(i));
            expected.add("{\"id\":" + i + "}");
        }
        writer.finish();

        assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).containsExactlyElementsOf(expected);
    }

    @Test
    void a_failing_output_stops_the_batch_and_is_reported_instead_of_blocking_it() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            // answers bigger than the generator's buffer, so that writing them reaches the stream
            AnswerWriter writer = new AnswerWriter(generator(broken));
            int added = 0;
            while (!writer.failed() && added < 10_000) {
                ObjectNode big = JsonNodeFactory.instance.objectNode();
                big.put("text", "x".repeat(20_000));
                writer.add(new Batch.Answer(null, null, big));
                added++;
            }
            assertThat(writer.failed()).as("the running side learns that the output is gone").isTrue();
            assertThatThrownBy(writer::finish).isInstanceOf(IOException.class).hasMessageContaining("Broken pipe");
        });
    }

    @Test
    void after_a_long_history_the_next_request_waits_until_it_is_written() throws IOException {
        // a Choice loop of 1,500 turns: 6,000 state events, more than a long history's bound
        String line = """
                {"id": 1, "input": {"n": 0}, "definition": {"StartAt": "Inc", "States": {
                  "Inc": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, "Next": "Check"},
                  "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThan": 1500, "Next": "Inc"}],
                            "Default": "Done"},
                  "Done": {"Type": "Succeed"}}}}
                """.replace("\n", " ");
        Batch.Answer longAnswer = new Batch(null).answer(line, 1);
        assertThat(longAnswer.run().history()).hasSizeGreaterThan(AnswerWriter.LONG_HISTORY);

        long[] writtenBeforeAddReturned = {0};
        long[] total = {0};
        AtomicBoolean addReturned = new AtomicBoolean();
        OutputStream watched = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                total[0] += len;
                if (!addReturned.get()) {
                    writtenBeforeAddReturned[0] += len;
                }
            }
        };
        AnswerWriter writer = new AnswerWriter(generator(watched));
        writer.add(longAnswer);
        addReturned.set(true);
        writer.finish();

        // all but what the generator still buffers (8,000 bytes) was out before add returned
        assertThat(total[0]).isGreaterThan(100_000);
        assertThat(writtenBeforeAddReturned[0]).isGreaterThan(total[0] - 8_000);
    }
}
