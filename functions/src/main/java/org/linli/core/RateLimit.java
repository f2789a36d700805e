package org.linli.core;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A per-user abuse limit: at most {@code limit} of {@code what} in each fixed {@code window}
 * (windows start at multiples of its length since the epoch). Written {@code 20/PT1H} in
 * configuration; {@code off} for none.
 */
public record RateLimit(String what, int limit, Duration window) {
    public RateLimit {
        if (limit < 1) throw new IllegalArgumentException("a rate limit allows at least one " + what);
        if (window.isNegative() || window.isZero() || window.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("a rate limit's window is a whole number of seconds");
        }
    }

    /** {@code 20/PT1H}, {@code 10/P1D}; {@code off} or blank: null (no limit). */
    public static RateLimit parse(String what, String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("off")) return null;
        int slash = spec.indexOf('/');
        try {
            if (slash < 0) throw new NumberFormatException();
            return new RateLimit(what, Integer.parseInt(spec.substring(0, slash).trim()), Duration.parse(spec.substring(slash + 1).trim()));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("a rate limit is written like 20/PT1H (count / ISO-8601 duration), not " + spec);
        }
    }

    /** The charge for one more {@code what} by {@code userId} at {@code now}: its counter, window and limit. */
    public Charge charge(String userId, Instant now) {
        long w = window.toMillis();
        long start = Math.floorDiv(now.toEpochMilli(), w) * w;
        return new Charge(this, what + "#" + userId, Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + w), now);
    }

    /**
     * One counted action: the store increments {@code counter}'s count for the window starting at
     * {@code windowStart} unless it has reached the limit, in the same write as the action itself.
     */
    public record Charge(RateLimit limit, String counter, Instant windowStart, Instant windowEnd, Instant at) {
        /** The answer when the window is full: 429 with Retry-After at the window's end. */
        public TooManyRequests exceeded() {
            return new TooManyRequests("You may send at most " + limit.limit() + " " + limit.what() + " per " + human(limit.window())
                    + "; try again later.", Duration.between(at, windowEnd));
        }
    }

    private static String human(Duration d) {
        if (d.toDays() > 0 && d.toHours() % 24 == 0) return d.toDays() == 1 ? "day" : d.toDays() + " days";
        if (d.toHours() > 0 && d.toMinutes() % 60 == 0) return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        if (d.toMinutes() > 0 && d.toSeconds() % 60 == 0) return d.toMinutes() == 1 ? "minute" : d.toMinutes() + " minutes";
        return d.toSeconds() + " seconds";
    }
}
