package dev.aslunit.internal.path;

/**
 * A path, payload template, intrinsic function call or Choice rule that cannot be compiled. The
 * message names the offending text and what is wrong with it; the caller adds the location.
 */
public final class PathSyntaxException extends RuntimeException {

    public PathSyntaxException(String message) {
        super(message);
    }
}
