package dev.aslunit.internal.definition;

import java.util.Collection;
import java.util.Locale;

/**
 * The name a person most likely meant when they mistyped one, for "did you mean" messages. Each
 * caller decides how near is near enough: a field name, a state name and a construct path each
 * tolerate different slips.
 */
public final class ClosestName {

    private ClosestName() {
    }

    /** A candidate and its edit distance from what was typed. */
    public record Match(String name, int distance) {
    }

    /**
     * The candidate nearest to {@code typed} (case-insensitive; the first one on ties), or
     * {@code null} when there are no candidates.
     */
    public static Match nearest(String typed, Collection<String> candidates) {
        String lowerTyped = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lowerTyped, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best == null ? null : new Match(best, bestDistance);
    }

    /** Optimal string alignment distance: a swap of two neighbours ("Tsak") counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
