package dev.aslunit.internal.sfnlocal;

/**
 * A mistake in a Step Functions Local mock config, or a test case that runs past its mocked
 * responses. The message is meant for the user as it is: file, place and fix.
 */
public class MockConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MockConfigException(String message) {
        super(message);
    }
}
