package dev.aslunit.internal.definition.load.cdk;

import java.util.ArrayList;
import java.util.List;

/**
 * Text assembled from pieces of files (the literal parts of an {@code Fn::Join}, the values of tokens,
 * an asset file), remembering where each character came from, so a place in the resolved definition
 * can be reported as a line and column of the template the user can open.
 */
final class SourcedText {

    /** Where the characters of a piece come from. */
    record Origin(TextFile file, int offset, Kind kind, int shift) {

        enum Kind {
            /** Character i is at {@code offset + i} of the file (an asset read as it is). */
            RAW,
            /** Character i is the i-th decoded character of the JSON string literal whose quote is at {@code offset}. */
            LITERAL,
            /** Every character comes from the value at {@code offset} (a Ref, a GetAtt...). */
            FIXED
        }

        static Origin raw(TextFile file, int offset) {
            return new Origin(file, offset, Kind.RAW, 0);
        }

        static Origin literal(TextFile file, int quote) {
            return new Origin(file, quote, Kind.LITERAL, 0);
        }

        static Origin fixed(TextFile file, int offset) {
            return new Origin(file, offset, Kind.FIXED, 0);
        }

        Origin shifted(int by) {
            return by == 0 || kind == Kind.FIXED ? this : new Origin(file, offset, kind, shift + by);
        }

        /** The offset in {@link #file()} of the first character this origin stands for. */
        int fileOffset() {
            switch (kind) {
                case RAW:
                    return offset + shift;
                case LITERAL:
                    return file.offsetInLiteral(offset, shift);
                default:
                    return offset;
            }
        }

        String describe() {
            return file.describe(fileOffset());
        }
    }

    private record Piece(int start, Origin origin) {
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Piece> pieces = new ArrayList<>();

    static SourcedText of(String s, Origin origin) {
        return new SourcedText().append(s, origin);
    }

    SourcedText append(String s, Origin origin) {
        if (!s.isEmpty()) {
            pieces.add(new Piece(text.length(), origin));
            text.append(s);
        }
        return this;
    }

    SourcedText append(SourcedText other) {
        return appendSlice(other, 0, other.length());
    }

    /** Appends characters {@code [from, to)} of {@code other} with their origins. */
    SourcedText appendSlice(SourcedText other, int from, int to) {
        for (int k = 0; k < other.pieces.size(); k++) {
            int start = other.pieces.get(k).start;
            int end = k + 1 < other.pieces.size() ? other.pieces.get(k + 1).start : other.length();
            int a = Math.max(from, start);
            int b = Math.min(to, end);
            if (a < b) {
                append(other.text.substring(a, b), other.pieces.get(k).origin.shifted(a - start));
            }
        }
        return this;
    }

    int length() {
        return text.length();
    }

    /** Where character {@code index} came from (the last character's origin past the end). */
    Origin originOf(int index) {
        if (pieces.isEmpty()) {
            throw new IllegalStateException("empty text has no origin");
        }
        int lo = 0;
        int hi = pieces.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pieces.get(mid).start <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Piece piece = pieces.get(lo);
        int end = lo + 1 < pieces.size() ? pieces.get(lo + 1).start : text.length();
        return piece.origin.shifted(Math.min(index, Math.max(end - 1, piece.start)) - piece.start);
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
