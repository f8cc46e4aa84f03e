package dev.aslunit.internal.json;

/**
 * Text that is not one well-formed JSON or YAML document. {@link #line()} and {@link #column()}
 * are 1-based, 0 when the parser could not tell.
 */
public final class SourceSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final int column;
    private final boolean tooDeeplyNested;

    SourceSyntaxException(String reason, int line, int column, boolean tooDeeplyNested, Throwable cause) {
        super(reason + (line > 0 ? " (line " + line + ", column " + column + ")" : ""), cause);
        this.reason = reason;
        this.line = line;
        this.column = column;
        this.tooDeeplyNested = tooDeeplyNested;
    }

    /** The parser's explanation without the position. */
    public String reason() {
        return reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The document nests objects and arrays deeper than {@link SourceDocument#MAX_NESTING_DEPTH}. */
    public boolean tooDeeplyNested() {
        return tooDeeplyNested;
    }
}
