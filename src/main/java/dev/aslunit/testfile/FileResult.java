package dev.aslunit.testfile;

import java.nio.file.Path;
import java.util.List;

/** The results of one test file's cases, or the mistakes that kept it from running ({@code problem}). */
public record FileResult(Path file, List<CaseResult> cases, TestFileException problem) {

    public FileResult {
        cases = List.copyOf(cases);
    }

    public boolean passed() {
        return problem == null && cases.stream().allMatch(CaseResult::passed);
    }
}
