package org.linli.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.linli.core.Times;

/**
 * The retention policy (PIPL art. 19): a closed case's contacts, exact places and photos are kept
 * {@code keep} days after it closed, then erased or coarsened. Run daily; it reads the retention
 * index for the day that has just come due and the {@link #CATCH_UP} days before it (a missed run
 * is made up, a done day is an empty partition), so it never scans the cases table.
 */
public final class Retention {
    /** Days before the due day read again on every run. */
    public static final int CATCH_UP = 7;
    private static final int PAGE = 200;

    private final ClosedCases index;
    private final PersonalData data;
    private final Duration keep;
    private final Clock clock;
    private final PhotoEraser photos;

    public Retention(ClosedCases index, PersonalData data, Duration keep, Clock clock) {
        this(index, data, keep, clock, PhotoEraser.NONE);
    }

    public Retention(ClosedCases index, PersonalData data, Duration keep, Clock clock, PhotoEraser photos) {
        if (keep.isNegative() || keep.isZero()) throw new IllegalArgumentException("retention must be at least a day");
        this.index = index;
        this.data = data;
        this.keep = keep;
        this.clock = clock;
        this.photos = photos;
    }

    /** What one run did: the days read, the cases anonymised, the notes dropped for cases reopened or closed later. */
    public record Result(LocalDate from, LocalDate to, int anonymised, int skipped) {}

    public Result run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Times.CHINA);
        LocalDate due = today.minusDays(keep.toDays());
        LocalDate from = due.minusDays(CATCH_UP);
        int anonymised = 0;
        int skipped = 0;
        for (LocalDate day = from; !day.isAfter(due); day = day.plusDays(1)) {
            // Closed at the latest at the end of that day, so at least `keep` has passed by today.
            var closedBy = day.plusDays(1).atStartOfDay(Times.CHINA).toInstant().minusMillis(1);
            while (true) {
                List<String> ids = index.closedOn(day, PAGE);
                if (ids.isEmpty()) break;
                for (String id : ids) {
                    Erased e = data.anonymiseClosedCase(id, closedBy);
                    if (e.done()) anonymised++;
                    else skipped++;
                    // the photos go before the note that would bring the case back: a failed erasure is retried
                    photos.erase(e.photoKeys());
                    index.forget(id, day);
                }
                if (ids.size() < PAGE) break;
            }
        }
        return new Result(from, due, anonymised, skipped);
    }
}
