package dev.aslunit.mutation;

import java.util.List;

/**
 * The mutants of one definition and their fates.
 *
 * @param definition  the definition as the tests name it (with {@code #logicalId} in a template)
 * @param tests       what ran against each mutant: test classes, feature files, test files
 * @param invalid     mutants discarded because AWS would reject them, each with the reason
 */
public record DefinitionMutations(String definition, List<String> tests, List<MutantResult> results,
        List<String> invalid) {

    public DefinitionMutations {
        tests = List.copyOf(tests);
        results = List.copyOf(results);
        invalid = List.copyOf(invalid);
    }

    public long count(MutantResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public long killed() {
        return results.stream().filter(r -> r.status().killed()).count();
    }

    /** Killed (timeouts included) over killed and survived: equivalent mutants and those not run do not count. */
    public double score() {
        long decided = killed() + count(MutantResult.Status.SURVIVED);
        return decided == 0 ? 1.0 : (double) killed() / decided;
    }

    public List<MutantResult> survivors() {
        return results.stream().filter(r -> r.status() == MutantResult.Status.SURVIVED).toList();
    }
}
