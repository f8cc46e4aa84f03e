package dev.aslunit.internal.pipeline;

import dev.aslunit.StepFunctionsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Properties;

/**
 * Where passed-through Tasks go when a front end outside the JUnit extension (the Cucumber glue, the
 * test files) is not told: {@code aslunit.aws.endpoint} and {@code aslunit.aws.region}, the names
 * the extension reads, from a JVM system property or else {@code junit-platform.properties} on the
 * classpath (where a Cucumber suite on the JUnit Platform keeps its configuration; neither glue code
 * nor a test file can read the Platform's parameters).
 */
public final class AwsParameters {

    public static final String ENDPOINT = "aslunit.aws.endpoint";
    public static final String REGION = "aslunit.aws.region";
    private static final String FILE = "junit-platform.properties";

    private AwsParameters() {
    }

    /** Sets the endpoint and region the configuration parameters give. */
    public static void apply(StepFunctionsConfig.Builder config) {
        Properties file = null;
        String endpoint = System.getProperty(ENDPOINT);
        String region = System.getProperty(REGION);
        if (endpoint == null || region == null) {
            file = file();
            endpoint = endpoint == null ? file.getProperty(ENDPOINT) : endpoint;
            region = region == null ? file.getProperty(REGION) : region;
        }
        if (endpoint != null && !endpoint.isBlank()) {
            config.awsEndpoint(endpoint(endpoint.trim()));
        }
        if (region != null && !region.isBlank()) {
            config.awsRegion(region.trim());
        }
    }

    private static URI endpoint(String text) {
        return url(text).orElseThrow(() -> new IllegalArgumentException("The configuration parameter " + ENDPOINT
                + "=" + text + " is not an endpoint URL: write a scheme and a host, e.g. " + ENDPOINT
                + "=http://localhost:4566 (a system property, or a line of src/test/resources/" + FILE + ")."));
    }

    /** An endpoint as written, when it has the scheme and host the SDK needs. */
    public static Optional<URI> url(String text) {
        try {
            URI uri = new URI(text.trim());
            return uri.getScheme() != null && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Properties file() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : AwsParameters.class.getClassLoader()).getResourceAsStream(FILE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE + " from the classpath: " + e.getMessage(), e);
        }
        return properties;
    }
}
