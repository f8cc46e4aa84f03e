package dev.aslunit.testfile;

import java.nio.file.Path;

/** Paths as messages and reports show them: relative to the working directory when under it. */
final class Paths {

    private Paths() {
    }

    static Path relativeToWorkingDirectory(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    }

    static String shown(Path path) {
        return relativeToWorkingDirectory(path).toString().replace('\\', '/');
    }
}
