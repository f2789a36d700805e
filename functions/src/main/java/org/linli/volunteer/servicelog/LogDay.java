package org.linli.volunteer.servicelog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A member's day sheet: the intervals of his live (not rejected) logs of one calendar day and their
 * minutes. It is read consistently and written in the same transaction as the log, over the
 * version read, so two logs sent at once cannot both pass the overlap and hours-per-day checks.
 * {@code version} 0 means the member has no log that day yet.
 */
public record LogDay(String memberId, LocalDate day, Map<String, Interval> entries, int minutes, long version) {
    public LogDay {
        entries = Map.copyOf(entries);
    }

    public static LogDay empty(String memberId, LocalDate day) {
        return new LogDay(memberId, day, Map.of(), 0, 0);
    }

    /** Half-open [start, end). */
    public record Interval(Instant start, Instant end) {
        public boolean overlaps(Instant s, Instant e) {
            return s.isBefore(end) && start.isBefore(e);
        }
    }
}
