package dev.aslunit.path;

/**
 * A path, payload template, intrinsic function call or Choice rule that cannot be compiled. The
 * message names the offending text and what is wrong with it; the caller adds the location.
 */
public final class PathSyntaxException extends RuntimeException {

    /** How an intrinsic's string literal with a backslash before another character is described; AWS locates that problem elsewhere. */
    public static final String BAD_ESCAPE = "a backslash must escape";

    public PathSyntaxException(String message) {
        super(message);
    }
}
