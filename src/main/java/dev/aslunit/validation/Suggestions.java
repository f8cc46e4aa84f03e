package dev.aslunit.validation;

import java.util.Collection;

/** "Did you mean ..." for names a person mistyped. */
final class Suggestions {

    private Suggestions() {
    }

    /** @return the candidate closest to {@code typed}, or {@code null} when none is plausibly meant */
    static String closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance < typed.length() && bestDistance <= Math.max(1, typed.length() / 3)
                ? best : null;
    }

    /** {@code "; did you mean \"X\"?"} or nothing. */
    static String didYouMean(String typed, Collection<String> candidates) {
        String closest = closest(typed, candidates);
        return closest == null ? "" : "; did you mean \"" + closest + "\"?";
    }

    /** Optimal string alignment distance: a swap of two neighbours ("Tsak") counts as one edit. */
    private static int distance(String a, String b) {
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
