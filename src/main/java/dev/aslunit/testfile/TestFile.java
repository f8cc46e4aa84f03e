package dev.aslunit.testfile;

import java.nio.file.Path;
import java.util.List;

/** A test file read and checked: its cases in the order written. */
public record TestFile(Path file, List<TestCase> cases) {

    public TestFile {
        cases = List.copyOf(cases);
    }
}
