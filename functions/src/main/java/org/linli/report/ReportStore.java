package org.linli.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linli.core.Page;
import org.linli.core.RateLimit;

/** Persistence of reports. */
public interface ReportStore {
    /**
     * Stores a new report unless its id is taken; returns the report already stored under that id
     * (a retried request) or empty when {@code report} was stored. One conditional write.
     */
    default Optional<Report> insertNew(Report report) {
        return insertNew(report, null);
    }

    /**
     * The same, counted against the reporter's rate limit in the same write: a report stored
     * adds one to the counter; a retry (its id taken) returns the first report, uncounted; over
     * the limit nothing is stored and {@link RateLimit.Charge#exceeded()} is thrown.
     */
    Optional<Report> insertNew(Report report, RateLimit.Charge charge);

    Optional<Report> find(String reportId);

    /** A reporter's own reports, newest first. */
    Page<Report> byReporter(String reporterId, int limit, String cursor);

    /** Reports still RECEIVED (no case yet) received before {@code before}, oldest first. */
    List<Report> pendingBefore(Instant before, int limit);
}
