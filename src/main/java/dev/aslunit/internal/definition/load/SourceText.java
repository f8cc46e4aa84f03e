package dev.aslunit.internal.definition.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The text of a definition or template and the name locations show for it. */
record SourceText(String name, String text, Origin origin) {

    /** Where text comes from, and where a file named relative to it ({@code DefinitionUri}) is. */
    interface Origin {
        SourceText read(String displayName);

        Origin sibling(String relative);
    }

    static Origin file(Path file) {
        return new Origin() {
            @Override
            public SourceText read(String displayName) {
                try {
                    return new SourceText(displayName, Files.readString(file, StandardCharsets.UTF_8), this);
                } catch (NoSuchFileException e) {
                    throw new DefinitionSourceException("No such file: " + file + " (looked for "
                            + file.toAbsolutePath().normalize() + ")", e);
                } catch (IOException e) {
                    if (Files.isDirectory(file)) {
                        throw new DefinitionSourceException(file + " is a directory; name the definition files in "
                                + "it, e.g. " + file.resolve("*.asl.json"), e);
                    }
                    throw new DefinitionSourceException("Cannot read " + file + ": " + e.getMessage(), e);
                }
            }

            @Override
            public Origin sibling(String relative) {
                Path dir = file.getParent();
                return file(dir == null ? Path.of(relative) : dir.resolve(relative));
            }
        };
    }

    static Origin classpath(String resource, ClassLoader classLoader) {
        return new Origin() {
            @Override
            public SourceText read(String displayName) {
                InputStream in = classLoader.getResourceAsStream(resource);
                if (in == null) {
                    throw new DefinitionSourceException("No classpath resource " + resource
                            + " (resource names are relative to the classpath root, e.g. src/test/resources)");
                }
                try (InputStream stream = in) {
                    return new SourceText(displayName, new String(stream.readAllBytes(), StandardCharsets.UTF_8), this);
                } catch (IOException e) {
                    throw new DefinitionSourceException("Cannot read classpath resource " + resource + ": " + e, e);
                }
            }

            @Override
            public Origin sibling(String relative) {
                int slash = resource.lastIndexOf('/');
                String sibling = Path.of(slash < 0 ? "" : resource.substring(0, slash)).resolve(relative).normalize()
                        .toString().replace('\\', '/');
                return classpath(sibling, classLoader);
            }
        };
    }

    static Origin string(String text) {
        return new Origin() {
            @Override
            public SourceText read(String displayName) {
                return new SourceText(displayName, text, this);
            }

            @Override
            public Origin sibling(String relative) {
                return file(Path.of(relative));
            }
        };
    }
}
