package dev.aslunit.internal.jsonata;

/**
 * A {@code {% ... %}} expression that JSONata cannot parse. AWS refuses such a definition with the
 * diagnostic code {@value #CODE} and the parser's own message ({@link #parserMessage()}), located at
 * the field ({@link #location()}, relative to the state, e.g. {@code Output/total}); the exception's
 * message adds the expression and the character position for a human reader.
 */
public final class JsonataSyntaxException extends IllegalArgumentException {

    /** AWS's diagnostic code for an expression that does not parse. */
    public static final String CODE = "INVALID_JSONATA_EXPRESSION";

    private final String expression;
    private final String location;
    private final String parserMessage;
    private final int position;

    JsonataSyntaxException(String expression, String location, String parserMessage, int position) {
        super("The JSONata expression '" + expression + "' specified for the field '" + location
                + "' is invalid: " + parserMessage + (position >= 0 ? " (at character " + position + ")" : ""));
        this.expression = expression;
        this.location = location;
        this.parserMessage = parserMessage;
        this.position = position;
    }

    /** The expression between {@code {%} and {@code %}}, trimmed. */
    public String expression() {
        return expression;
    }

    /** The field, relative to the state: {@code Output}, {@code Arguments/Payload/id}, {@code Items[2]}. */
    public String location() {
        return location;
    }

    /** JSONata's message without its error code, e.g. {@code Expected "]", got ","}. */
    public String parserMessage() {
        return parserMessage;
    }

    /** The 0-based character offset in {@link #expression()} where the parser stopped, or -1. */
    public int position() {
        return position;
    }
}
