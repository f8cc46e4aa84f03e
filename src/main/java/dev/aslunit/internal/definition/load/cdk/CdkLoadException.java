package dev.aslunit.internal.definition.load.cdk;

/**
 * A synthesized CDK app that cannot be read as asked: no such file, a template or manifest that is
 * not JSON, an unknown state machine selector, a definition that is not JSON once resolved. The
 * message names the file (with line and column where there is one) and what to do.
 */
public final class CdkLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CdkLoadException(String message) {
        super(message);
    }
}
