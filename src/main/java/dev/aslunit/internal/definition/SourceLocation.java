package dev.aslunit.internal.definition;

/**
 * Where a node of a definition came from: the file (may be {@code null} for definitions given as
 * strings), the JSON pointer inside the definition (as AWS's diagnostics give it, e.g.
 * {@code /States/Pay/Next}) and the 1-based line and column in the file (0 when unknown).
 */
public record SourceLocation(String file, String pointer, int line, int column) {

    public static SourceLocation unknown(String pointer) {
        return new SourceLocation(null, pointer, 0, 0);
    }

    public boolean hasLineAndColumn() {
        return line > 0;
    }

    /** {@code orders.asl.json:12:9}, or the pointer alone when no file position is known. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line).append(':').append(column);
            }
            sb.append(' ');
        }
        sb.append('(').append(pointer.isEmpty() ? "/" : pointer).append(')');
        return sb.toString();
    }
}
