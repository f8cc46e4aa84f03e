package dev.aslunit.mutation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A mutation test run: per definition, every mutant and what the tests did with it.
 *
 * @param nanos   the run's wall time, discovery and the unmutated run included
 * @param threads how many mutants ran at once
 */
public record MutationReport(List<DefinitionMutations> definitions, long nanos, int threads) {

    public MutationReport {
        definitions = List.copyOf(definitions);
    }

    /** Mutants run (killed, timed out or survived) per second of the run's wall time. */
    public double mutantsPerSecond() {
        long run = definitions.stream().mapToLong(d -> d.killed() + d.count(MutantResult.Status.SURVIVED)).sum();
        return nanos == 0 ? 0 : run / (nanos / 1e9);
    }

    /**
     * The message that fails a build whose definitions score below {@code minimum} (0 to 1), listing
     * each surviving mutant; empty when every definition reaches it.
     */
    public Optional<String> check(double minimum) {
        StringBuilder out = new StringBuilder();
        for (DefinitionMutations d : definitions) {
            if (d.score() >= minimum) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%s: mutation score %s < %s. Surviving mutants:%n", d.definition(),
                    percent(d.score()), percent(minimum)));
            for (MutantResult r : d.survivors()) {
                out.append("  - ").append(r.mutant().id()).append(": ").append(r.mutant().description())
                        .append("\n    ").append(r.mutant().operator().suggestion()).append('\n');
            }
        }
        if (out.length() == 0) {
            return Optional.empty();
        }
        return Optional.of("ASLUnit mutation score is below the minimum (aslunit.mutation.minimum="
                + minimum + "):\n" + out + "Add tests that kill them (see mutation.md for each diff), or lower the minimum.");
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
