package dev.aslunit.cucumber;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as a scenario writes them: {@code 45 seconds}, {@code 1 hour and 30 minutes}, {@code 2 days}. */
final class DurationText {

    static final String UNIT = "(?:milliseconds?|seconds?|minutes?|hours?|days?)";
    static final String ONE = "\\d+ " + UNIT + "(?:(?:, | and )\\d+ " + UNIT + ")*";
    static final String MANY = ONE + "(?:(?:, | and )" + ONE + ")*";

    private static final Pattern PART = Pattern.compile("(\\d+) (millisecond|second|minute|hour|day)s?");

    private DurationText() {
    }

    /** {@code 1 hour and 30 minutes} is one duration: the parts add up. */
    static Duration parse(String text) {
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(text);
        boolean found = false;
        while (m.find()) {
            found = true;
            total = total.plus(unit(m.group(2)).multipliedBy(Long.parseLong(m.group(1))));
        }
        if (!found) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration; write it as \"45 seconds\","
                    + " \"3 hours\" or \"1 hour and 30 minutes\".");
        }
        return total;
    }

    /** {@code 2 seconds and 4 seconds}: a list, one duration per part (used for retry delays). */
    static List<Duration> parseList(String text) {
        List<Duration> out = new ArrayList<>();
        Matcher m = PART.matcher(text);
        while (m.find()) {
            out.add(unit(m.group(2)).multipliedBy(Long.parseLong(m.group(1))));
        }
        return out;
    }

    private static Duration unit(String unit) {
        switch (unit) {
            case "millisecond":
                return Duration.ofMillis(1);
            case "second":
                return Duration.ofSeconds(1);
            case "minute":
                return Duration.ofMinutes(1);
            case "hour":
                return Duration.ofHours(1);
            default:
                return Duration.ofDays(1);
        }
    }
}
