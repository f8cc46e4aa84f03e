package dev.aslunit.internal.definition.load.cdk;

import java.util.Arrays;

/**
 * A text file (a template, an asset, or a resolved definition) with the table that turns a character
 * offset into a 1-based line and column.
 */
final class TextFile {

    private final String name;
    private final String text;
    private final int[] lineStarts;

    TextFile(String name, String text) {
        this.name = name;
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /** The file as the user named it (relative if they gave a relative path), for messages. */
    String name() {
        return name;
    }

    String text() {
        return text;
    }

    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** The offset of a 1-based line and column (as a parser reports them). */
    int offset(int line, int column) {
        int l = Math.max(1, Math.min(line, lineStarts.length));
        return Math.min(text.length(), lineStarts[l - 1] + Math.max(column, 1) - 1);
    }

    /** {@code OrdersStack.template.json:57:11}. */
    String describe(int offset) {
        return name + ":" + line(offset) + ":" + column(offset);
    }

    /**
     * The offset in this file of character {@code index} of the string whose literal (the opening
     * quote) starts at {@code quote}: a JSON string literal is one line, so this also gives the column
     * of any character of a decoded string, escapes counted as written.
     */
    int offsetInLiteral(int quote, int index) {
        int raw = quote + 1;
        for (int decoded = 0; decoded < index && raw < text.length(); decoded++) {
            if (text.charAt(raw) == '\\') {
                raw += raw + 1 < text.length() && text.charAt(raw + 1) == 'u' ? 6 : 2;
            } else {
                raw++;
            }
        }
        return raw;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }
}
