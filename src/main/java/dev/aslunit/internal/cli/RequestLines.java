package dev.aslunit.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a batch file, as {@link java.io.BufferedReader#readLine} over strict UTF-8 gives
 * them (a line ends at {@code \n}, {@code \r} or {@code \r\n}; malformed UTF-8 is an error, not a
 * replacement character). A batch is megabytes of ASCII JSON (the benchmark suite: 5.7 MB), and the
 * reader's way, bytes widened to chars and narrowed back into a {@code StringBuilder} char by char,
 * was a fifteenth of a suite run's main thread with only C1. Here an ASCII line's bytes become its
 * string in one copy; any other line goes through the strict decoder.
 */
final class RequestLines {

    private static final int CHUNK = 1 << 13;

    private final InputStream in;
    private byte[] buffer = new byte[CHUNK];
    /** The bytes read and not yet handed out: {@code buffer[start..end)}. */
    private int start;
    private int end;
    /** The last line ended at a {@code \r}: a {@code \n} right after it belongs to that line end. */
    private boolean skipNewline;

    RequestLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or {@code null} at the end of the input. */
    String next() throws IOException {
        if (skipNewline) {
            skipNewline = false;
            if ((start < end || fill()) && buffer[start] == '\n') {
                start++;
            }
        }
        int scan = start;
        int bits = 0;
        while (true) {
            for (int i = scan; i < end; i++) {
                byte b = buffer[i];
                if (b == '\n' || b == '\r') {
                    String line = decode(start, i, bits);
                    skipNewline = b == '\r';
                    start = i + 1;
                    return line;
                }
                bits |= b;
            }
            int scanned = end - start;
            if (!fill()) {
                if (start == end) {
                    return null;
                }
                String line = decode(start, end, bits);
                start = end;
                return line;
            }
            scan = start + scanned;
        }
    }

    /** Reads more bytes after the unread ones (moved to the front, the buffer grown when full); false at the end. */
    private boolean fill() throws IOException {
        int unread = end - start;
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, unread);
            start = 0;
            end = unread;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        // at most what BufferedReader asked for: a file's stream reads through a native buffer of
        // the size asked, which it keeps (a megabyte line would keep a megabyte off the heap)
        int n = in.read(buffer, end, Math.min(CHUNK, buffer.length - end));
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }

    /** {@code bits} has its sign bit set when a byte of the line is not ASCII. */
    private String decode(int from, int to, int bits) throws IOException {
        if (bits >= 0) {
            // ASCII is Latin-1: the string takes a copy of the bytes as they are
            return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(buffer, from, to - from))
                .toString();
    }
}
