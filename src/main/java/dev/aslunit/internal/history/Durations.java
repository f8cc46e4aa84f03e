package dev.aslunit.internal.history;

import java.time.Duration;

/** How ASLUnit prints virtual durations in traces and failure messages: {@code 2s}, {@code 1h 30m}, {@code 250ms}. */
public final class Durations {

    private Durations() {
    }

    public static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long days = d.toDays();
        int hours = d.toHoursPart();
        int minutes = d.toMinutesPart();
        int seconds = d.toSecondsPart();
        int millis = d.toMillisPart();
        append(sb, days, "d");
        append(sb, hours, "h");
        append(sb, minutes, "m");
        if (millis != 0 && days == 0 && hours == 0 && minutes == 0) {
            if (seconds == 0) {
                sb.append(millis).append("ms");
            } else {
                sb.append(seconds).append('.').append(String.format(java.util.Locale.ROOT, "%03d", millis)
                        .replaceAll("0+$", "")).append('s');
            }
        } else {
            append(sb, seconds, "s");
        }
        return sb.toString().trim();
    }

    private static void append(StringBuilder sb, long value, String unit) {
        if (value != 0) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(value).append(unit);
        }
    }
}
