package dev.aslunit.internal.path;

/**
 * A path, payload template, intrinsic function call or Choice rule that cannot be compiled. The
 * message names the offending text and what is wrong with it; the caller adds the location.
 */
public final class PathSyntaxException extends RuntimeException {

    /**
     * How a backslash before a character it cannot escape, in an intrinsic's string literal, is
     * described: AWS locates that problem at the payload template, not at the field.
     */
    public static final String BAD_ESCAPE = "a backslash must escape";

    public PathSyntaxException(String message) {
        super(message);
    }
}
