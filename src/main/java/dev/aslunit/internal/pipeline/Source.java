package dev.aslunit.internal.pipeline;

import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.cdk.CdkApp;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file a test names (a definition, a mock file), found as a classpath resource (at {@code url})
 * or a file; neither when nothing was found where it looked. A name is looked up on the classpath
 * root, then in the test class's package (when there is one), then as a file from the working
 * directory.
 */
public record Source(String name, String what, String resource, URL url, Path file, List<String> searched) {

    public Source {
        searched = List.copyOf(searched);
    }

    /** Finds {@code name}; {@code what} names it in the message when it is missing ("mock config file"). */
    public static Source find(String name, String what, Class<?> anchor, ClassLoader classLoader) {
        List<String> searched = new ArrayList<>();
        String root = name.startsWith("/") ? name.substring(1) : name;
        searched.add("classpath:" + root);
        URL url = resource(classLoader, root);
        if (url != null) {
            return new Source(name, what, root, url, null, searched);
        }
        if (anchor != null && !name.startsWith("/") && anchor.getPackageName().length() > 0) {
            String inPackage = anchor.getPackageName().replace('.', '/') + "/" + name;
            searched.add("classpath:" + inPackage + " (the package of " + anchor.getSimpleName() + ")");
            url = resource(classLoader, inPackage);
            if (url != null) {
                return new Source(name, what, inPackage, url, null, searched);
            }
        }
        Path file = Path.of(name);
        searched.add(file.toAbsolutePath().normalize() + " (from the working directory)");
        if (Files.isRegularFile(file) || CdkApp.isCloudAssembly(file)) {
            return new Source(name, what, null, null, file, searched);
        }
        return new Source(name, what, null, null, null, searched);
    }

    /** What was found, the same whichever anchor found it; for nothing, where it looked. */
    public String found() {
        return url != null ? url.toString() : file != null ? file.toAbsolutePath().normalize().toString()
                : "nothing in " + searched;
    }

    /** @throws IllegalArgumentException when nothing was found, listing where it looked */
    public Source require() {
        if (resource == null && file == null) {
            throw new IllegalArgumentException("Cannot find the " + what + " \"" + name + "\". Looked in:\n  "
                    + String.join("\n  ", searched)
                    + "\nPut it under src/test/resources, or give a path from the working directory.");
        }
        return this;
    }

    /** The loader of the definition found here. */
    public DefinitionLoader loader(ClassLoader classLoader) {
        return resource != null ? DefinitionLoader.fromClasspath(resource, classLoader)
                : DefinitionPipeline.fromPath(file);
    }

    private static URL resource(ClassLoader classLoader, String resource) {
        return classLoader == null ? ClassLoader.getSystemResource(resource) : classLoader.getResource(resource);
    }
}
