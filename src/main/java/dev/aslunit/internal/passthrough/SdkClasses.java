package dev.aslunit.internal.passthrough;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the AWS SDK for Java v2 on the classpath without touching it: this class must load when the
 * SDK is absent, so that the test gets a message naming the artifact to add rather than a
 * {@code NoClassDefFoundError}.
 */
final class SdkClasses {

    private static final String CORE = "software.amazon.awssdk.awscore.AwsClient";
    private static final String SERVICES = "software/amazon/awssdk/services/";

    private final ClassLoader loader;
    /** Found once per package: finding lists the package's jar. */
    private final Map<String, Class<?>> clients = new ConcurrentHashMap<>();

    SdkClasses(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * The synchronous client interface of an SDK service package ({@code lambda} gives
     * {@code LambdaClient}, {@code dynamodb} {@code DynamoDbClient}).
     *
     * @throws IllegalStateException naming the Maven artifact to add when the client is not on the classpath
     */
    Class<?> client(String sdkPackage, String resource) {
        Class<?> found = clients.get(sdkPackage);
        if (found == null) {
            found = find(sdkPackage, resource);
            clients.put(sdkPackage, found);
        }
        return found;
    }

    private Class<?> find(String sdkPackage, String resource) {
        Class<?> core = load(CORE).orElseThrow(() -> new IllegalStateException(missing(sdkPackage, resource)));
        for (String name : classNames(sdkPackage)) {
            if (name.endsWith("Client") && !name.endsWith("AsyncClient") && !name.startsWith("Default")
                    && !name.startsWith("Delegating")) {
                Optional<Class<?>> c = load("software.amazon.awssdk.services." + sdkPackage + "." + name);
                if (c.isPresent() && c.get().isInterface() && core.isAssignableFrom(c.get())) {
                    return c.get();
                }
            }
        }
        throw new IllegalStateException(missing(sdkPackage, resource));
    }

    private static String missing(String sdkPackage, String resource) {
        return "Passing " + resource + " through to AWS needs the AWS SDK for Java v2 client of '" + sdkPackage
                + "' on the classpath, and it is not there. Add the artifact software.amazon.awssdk:" + sdkPackage
                + " (to a Maven build: <dependency><groupId>software.amazon.awssdk</groupId><artifactId>" + sdkPackage
                + "</artifactId><version>2.40.2</version><scope>test</scope></dependency>; to the aslunit CLI: its jars"
                + " with their dependencies in ASLUNIT_CLASSPATH, see docs/cli.md), or mock the Task instead of passing"
                + " it through.";
    }

    private Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The simple names of the classes directly in an SDK service package, from jars and directories alike. */
    private List<String> classNames(String sdkPackage) {
        String folder = SERVICES + sdkPackage + "/";
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(folder);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if ("jar".equals(url.getProtocol())) {
                    JarURLConnection jar = (JarURLConnection) url.openConnection();
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements();) {
                            simpleName(e.nextElement().getName(), folder).ifPresent(names::add);
                        }
                    }
                } else if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(p -> simpleName(folder + p.getFileName(), folder).ifPresent(names::add));
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            return names;
        }
        return names;
    }

    private static Optional<String> simpleName(String entry, String folder) {
        if (!entry.startsWith(folder) || !entry.endsWith(".class")) {
            return Optional.empty();
        }
        String rest = entry.substring(folder.length(), entry.length() - ".class".length());
        return rest.contains("/") || rest.contains("$") ? Optional.empty() : Optional.of(rest);
    }
}
