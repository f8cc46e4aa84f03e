package dev.aslunit.testfile;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as a test file writes them: {@code 2s}, {@code 500ms}, {@code 1h30m}, the Cucumber
 * steps' {@code 1 hour and 30 minutes}, ISO-8601 {@code PT2S}, or a number of seconds.
 */
final class FileDurations {

    static final String HINT = "write it as \"2s\", \"500ms\", \"1h30m\", \"45 seconds\", \"PT2S\" or a number of seconds";

    private static final Pattern PART = Pattern.compile(
            "\\s*(\\d+)\\s*(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|h|days?|d)(?![a-z])\\s*(?:,|and)?");

    private FileDurations() {
    }

    /** The duration, or {@code null} when the text is none of the accepted forms. */
    static Duration parse(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (end < t.length() && m.find(end) && m.start() == end) {
            total = total.plus(unit(m.group(2)).multipliedBy(Long.parseLong(m.group(1))));
            end = m.end();
        }
        return end == t.length() && end > 0 ? total : null;
    }

    private static Duration unit(String unit) {
        if (unit.equals("ms") || unit.startsWith("milli")) {
            return Duration.ofMillis(1);
        }
        switch (unit.charAt(0)) {
            case 's':
                return Duration.ofSeconds(1);
            case 'm':
                return Duration.ofMinutes(1);
            case 'h':
                return Duration.ofHours(1);
            default:
                return Duration.ofDays(1);
        }
    }
}
