package dev.aslunit.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The coverage of a run, one {@link DefinitionCoverage} per definition; immutable. */
public final class CoverageReport {

    /** The version of coverage.json's schema; it changes only when a field changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 1;

    private final List<DefinitionCoverage> definitions;

    CoverageReport(List<DefinitionCoverage> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public List<DefinitionCoverage> definitions() {
        return definitions;
    }

    /** The definition of that id or name, if the run executed it. */
    public Optional<DefinitionCoverage> definition(String idOrName) {
        return definitions.stream().filter(d -> d.id().equals(idOrName) || d.name().equals(idOrName)).findFirst();
    }

    /**
     * Checks every definition against minimum state and transition ratios (0 to 1; 0 checks
     * nothing), JaCoCo-check style. Returns the failure message, listing for each definition below
     * a minimum what was never exercised, or empty when all are met.
     */
    public Optional<String> check(double minimumStates, double minimumTransitions) {
        List<String> failures = new ArrayList<>();
        for (DefinitionCoverage d : definitions) {
            List<String> below = new ArrayList<>();
            if (d.stateRatio() < minimumStates) {
                below.add("states " + percent(d.stateRatio()) + " < " + percent(minimumStates));
            }
            if (d.transitionRatio() < minimumTransitions) {
                below.add("transitions " + percent(d.transitionRatio()) + " < " + percent(minimumTransitions));
            }
            if (!below.isEmpty()) {
                StringBuilder sb = new StringBuilder(d.name()).append(": ").append(String.join(", ", below))
                        .append(". Never exercised:");
                for (String line : d.missed()) {
                    sb.append("\n  - ").append(line);
                }
                failures.add(sb.toString());
            }
        }
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("ASLUnit workflow coverage is below the minimum (aslunit.coverage.minimum.states="
                + minimumStates + ", aslunit.coverage.minimum.transitions=" + minimumTransitions + "):\n"
                + String.join("\n", failures)
                + "\nAdd tests that take these paths, or lower the minimum in junit-platform.properties.");
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}
