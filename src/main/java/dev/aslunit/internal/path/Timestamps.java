package dev.aslunit.internal.path;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The timestamps ASL accepts (Choice's {@code Timestamp*} operators, Wait's {@code Timestamp} and
 * {@code TimestampPath}): ISO-8601 extended offset date-times such as
 * {@code 2016-03-14T01:59:00Z} or {@code 2016-03-14T01:59:00.123+01:00}. AWS rejects a missing
 * offset ({@code 2016-12-05T21:29:29}), a space for the {@code T} and out-of-range fields.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** @return the instant, or {@code null} when {@code text} is not such a timestamp */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
