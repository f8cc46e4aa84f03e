package dev.aslunit.internal.definition;

/** Maps a JSON pointer inside a definition to its place in the source file. */
@FunctionalInterface
public interface SourceLocator {

    SourceLocation locate(String pointer);

    /** For definitions that have no file: pointers only. */
    static SourceLocator none() {
        return SourceLocation::unknown;
    }
}
