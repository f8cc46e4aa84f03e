package dev.aslunit.internal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a run's coverage as coverage.json, index.html and coverage.md into one directory. */
public final class ReportWriter {

    /** Where reports go unless the system property or configuration parameter {@code aslunit.report.dir} says otherwise. */
    public static final String DEFAULT_DIRECTORY = "target/aslunit";

    private ReportWriter() {
    }

    /** The directory from {@code -Daslunit.report.dir}, else {@value #DEFAULT_DIRECTORY}. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("aslunit.report.dir", DEFAULT_DIRECTORY));
    }

    /**
     * Writes the three files (each to a temporary file first, then moved into place, so a reader
     * never sees half a report).
     *
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static void write(CoverageReport report, Path directory) {
        write(directory.resolve("coverage.json"), JsonReport.render(report));
        write(directory.resolve("index.html"), HtmlReport.render(report));
        write(directory.resolve("coverage.md"), MarkdownReport.render(report));
    }

    static void write(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ASLUnit report " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }
}
