package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RequestLines} gives the lines {@link BufferedReader#readLine} over strict UTF-8 gave. */
class RequestLinesTest {

    private static List<String> lines(byte[] bytes, int chunk) throws IOException {
        RequestLines lines = new RequestLines(new Trickle(bytes, chunk));
        List<String> out = new ArrayList<>();
        String line;
        while ((line = lines.next()) != null) {
            out.add(line);
        }
        return out;
    }

    private static List<String> readerLines(byte[] bytes) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.newDecoder()));
        List<String> out = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            out.add(line);
        }
        return out;
    }

    @Test
    void ends_lines_at_lf_cr_and_crlf_as_the_reader_did_wherever_the_reads_split_them() throws IOException {
        String text = "{\"a\":1}\n\n{\"b\":2}\r\n{\"c\":3}\r{\"d\":\"\u00e9\u20ac\ud83d\ude00\"}\r\n\r\r\nlast";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> expected = readerLines(bytes);
        assertThat(expected).containsExactly("{\"a\":1}", "", "{\"b\":2}", "{\"c\":3}",
                "{\"d\":\"\u00e9\u20ac\ud83d\ude00\"}", "", "", "last");
        for (int chunk = 1; chunk <= bytes.length; chunk++) {
            assertThat(lines(bytes, chunk)).as("reads of %d bytes", chunk).isEqualTo(expected);
        }
    }

    @Test
    void a_line_longer_than_the_buffer_comes_whole_and_a_final_terminator_adds_no_line() throws IOException {
        String longLine = "x".repeat(100_000) + "\u00fc" + "y".repeat(50_000);
        byte[] bytes = ("short\n" + longLine + "\nafter\n").getBytes(StandardCharsets.UTF_8);
        assertThat(lines(bytes, 1 << 16)).containsExactly("short", longLine, "after");
        assertThat(lines(new byte[0], 1)).isEmpty();
    }

    @Test
    void malformed_utf8_is_an_error_as_with_the_strict_reader() {
        byte[] bytes = {'{', '}', '\n', '"', (byte) 0xC3, '"', '\n'};
        assertThatThrownBy(() -> lines(bytes, 64)).isInstanceOf(CharacterCodingException.class);
    }

    /** Gives at most {@code chunk} bytes a read, as a pipe may. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private int at;

        Trickle(byte[] bytes, int chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }
}
