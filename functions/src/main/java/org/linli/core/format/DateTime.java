package org.linli.core.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A W3C date-time with its offset ({@code 2026-11-23T09:30:00+08:00}) as the API and Open311
 * accept it: the one definition for JSON bodies and query parameters. java.time parses years up
 * to ±999,999,999, and such an instant broke whatever used it next (a zone conversion, a stored
 * key, a 90-day window) as a 500; so a date-time outside 1970 to 9999 is refused like a malformed
 * one - no report, log or filter of this service lies outside it.
 */
public final class DateTime {
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");
    /** The field error for anything else. */
    public static final String RULE = "must be a date-time with its offset between 1970 and 9999, e.g. 2026-11-23T09:30:00+08:00";

    private DateTime() {}

    /** The instant, or null when {@code text} is not such a date-time or lies outside the range. */
    public static Instant parse(String text) {
        if (text == null) return null;
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
        return at.isBefore(EARLIEST) || !at.isBefore(LATEST) ? null : at;
    }
}
