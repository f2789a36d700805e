package org.linli.report;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.linli.core.Conflict;
import org.linli.core.Ids;
import org.linli.core.QueueUnavailable;
import org.linli.core.RateLimit;

/**
 * Step 1 of the loop (问题上报): store the report as RECEIVED, then hand it to assignment. One
 * conditional write and one queue send. With an Idempotency-Key the report id derives from
 * (reporter, key), so a retry finds the first attempt instead of storing a second report.
 */
public final class ReportIntake {
    private final ReportStore reports;
    private final AssignmentQueue queue;
    private final Clock clock;
    private final RateLimit residents;
    private final RateLimit staff;

    public ReportIntake(ReportStore reports, AssignmentQueue queue, Clock clock) {
        this(reports, queue, clock, null, null);
    }

    /** {@code residents}, {@code staff}: how many reports one person may file per window (null: no limit). */
    public ReportIntake(ReportStore reports, AssignmentQueue queue, Clock clock, RateLimit residents, RateLimit staff) {
        this.reports = reports;
        this.queue = queue;
        this.clock = clock;
        this.residents = residents;
        this.staff = staff;
    }

    public Submission submit(String reporterId, ReportDraft draft, String idempotencyKey) {
        return submit(reporterId, false, draft, idempotencyKey);
    }

    /**
     * Stores and enqueues one report, counted against the reporter's rate limit (staff - patrols -
     * have their own, higher one): over it, TooManyRequests and nothing stored. A retry with the
     * same key answers as the first attempt did and is never counted twice.
     */
    public Submission submit(String reporterId, boolean isStaff, ReportDraft draft, String idempotencyKey) {
        Instant now = clock.instant();
        String id = idempotencyKey == null ? Ids.random("rpt", now) : Ids.derived("rpt", reporterId, idempotencyKey);
        Report report = Report.received(id, reporterId, draft, now);
        RateLimit limit = isStaff ? staff : residents;
        Optional<Report> existing = reports.insertNew(report, limit == null ? null : limit.charge(reporterId, now));
        if (existing.isPresent()) {
            Report first = existing.get();
            if (!first.reporterId().equals(reporterId) || !first.fingerprint().equals(report.fingerprint())) {
                throw new Conflict("IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was already used for a different report.",
                        Map.of("reportId", first.id()));
            }
            // The first attempt may have stored the report and then failed to enqueue it.
            if (first.status() == ReportStatus.RECEIVED) enqueueQuietly(first);
            return new Submission(first, true);
        }
        boolean queued = enqueueQuietly(report);
        return new Submission(report, false, queued);
    }

    /**
     * A failed send does not fail the request: the report is stored, and the intake sweep
     * re-enqueues every report left RECEIVED.
     */
    private boolean enqueueQuietly(Report report) {
        try {
            queue.enqueue(ReportReceived.of(report));
            return true;
        } catch (QueueUnavailable e) {
            return false;
        }
    }

    /** The stored report; {@code replayed} when it came from an earlier attempt with the same key. */
    public record Submission(Report report, boolean replayed, boolean queued) {
        public Submission(Report report, boolean replayed) {
            this(report, replayed, true);
        }
    }
}
