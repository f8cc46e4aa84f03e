package dev.aslunit.internal.definition.load;

import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.json.SourceDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A definition's text with its {@code ${Name}} placeholders replaced as text before it is parsed, as
 * SAM and CloudFormation apply {@code DefinitionSubstitutions}: {@code "TimeoutSeconds": ${Timeout}}
 * with {@code Timeout=300} is the number 300. A placeholder without a value stays; in JSON, one
 * written outside a string is quoted, so that the text still parses and the validator sees an opaque
 * {@code "${Name}"} where the value would be. Positions in the new text map back to the original's.
 */
final class SubstitutedText {

    /** One replacement: {@code [resultStart, resultEnd)} in the new text was {@code [originalStart, originalEnd)}. */
    private record Edit(int resultStart, int resultEnd, int originalStart, int originalEnd) {
    }

    private final String text;
    private final List<Edit> edits;
    private final int[] originalLines;
    private final int[] resultLines;

    private SubstitutedText(String original, String text, List<Edit> edits) {
        this.text = text;
        this.edits = List.copyOf(edits);
        this.originalLines = lineStarts(original);
        this.resultLines = lineStarts(text);
    }

    static SubstitutedText of(String original, SourceDocument.Format format, Map<String, String> values) {
        StringBuilder out = new StringBuilder(original.length());
        List<Edit> edits = new ArrayList<>();
        Matcher m = Substitutions.PLACEHOLDER.matcher(original);
        boolean json = format == SourceDocument.Format.JSON;
        boolean inString = false;
        int copied = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (json && c == '"') {
                inString = !inString;
            } else if (json && inString && c == '\\') {
                i++;
            } else if (c == '$' && m.region(i, original.length()).lookingAt()) {
                String value = values.get(m.group(1));
                String replacement = value != null ? value : json && !inString ? "\"" + m.group() + "\"" : null;
                if (replacement != null) {
                    out.append(original, copied, i);
                    edits.add(new Edit(out.length(), out.length() + replacement.length(), i, m.end()));
                    out.append(replacement);
                    copied = m.end();
                }
                i = m.end() - 1;
            }
        }
        out.append(original, copied, original.length());
        return new SubstitutedText(original, out.toString(), edits);
    }

    String text() {
        return text;
    }

    boolean changed() {
        return !edits.isEmpty();
    }

    /** {@code at}, a place in the substituted text, as a place in the original; a value maps to its placeholder. */
    SourceLocation original(SourceLocation at) {
        if (edits.isEmpty() || !at.hasLineAndColumn()) {
            return at;
        }
        int line = Math.min(at.line(), resultLines.length);
        int offset = resultLines[line - 1] + Math.max(at.column(), 1) - 1;
        int mapped = offset;
        for (Edit e : edits) {
            if (e.resultStart() > offset) {
                break;
            }
            mapped = offset < e.resultEnd() ? e.originalStart() : offset - e.resultEnd() + e.originalEnd();
        }
        int i = Arrays.binarySearch(originalLines, mapped);
        int originalLine = i >= 0 ? i : -i - 2;
        return new SourceLocation(at.file(), at.pointer(), originalLine + 1, mapped - originalLines[originalLine] + 1);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }
}
