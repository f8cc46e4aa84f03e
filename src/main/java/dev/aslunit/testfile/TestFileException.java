package dev.aslunit.testfile;

import java.util.List;

/**
 * A test file that cannot be run as written: every mistake found, each with its file, line and
 * column and what to write instead.
 */
public final class TestFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One mistake: {@code line} and {@code column} are 1-based, 0 when unknown. */
    public record Problem(String file, int line, int column, String message) {

        /** {@code orders.aslunit.yaml:12:7: message}, compiler style. */
        public String format() {
            return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public TestFileException(List<Problem> problems) {
        super(String.join("\n", problems.stream().map(Problem::format).toList()), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
