package dev.aslunit.internal.verify;

/**
 * Whether the AWS SDK for Java v2 clients verify mode needs are on the classpath, found without
 * loading them, so a run without them gets the artifact to add rather than a {@code NoClassDefFoundError}.
 */
final class SdkCheck {

    private SdkCheck() {
    }

    /** @throws IllegalStateException naming the Maven artifact to add */
    static void require(String artifact, String clientClass, String what, ClassLoader loader) {
        try {
            Class.forName(clientClass, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Verify mode (" + VerifySettings.ENDPOINT + ") " + what
                    + " through the AWS SDK for Java v2, and its client is not on the classpath. Add the artifact"
                    + " software.amazon.awssdk:" + artifact + " (to a Maven build: <dependency><groupId>software.amazon.awssdk"
                    + "</groupId><artifactId>" + artifact + "</artifactId><version>2.40.2</version><scope>test</scope>"
                    + "</dependency>; to the aslunit CLI: its jars with their dependencies in ASLUNIT_CLASSPATH, see"
                    + " docs/cli.md), or unset " + VerifySettings.ENDPOINT + " to run the tests on ASLUnit alone.");
        }
    }
}
