package org.linli.report;

import java.time.Instant;

/** A stored report. {@code caseId} is set once assignment has opened (or joined) a case. */
public record Report(String id, String reporterId, ReportDraft content, String fingerprint, ReportStatus status,
                     String caseId, Instant receivedAt) {

    public static Report received(String id, String reporterId, ReportDraft content, Instant now) {
        return new Report(id, reporterId, content, content.fingerprint(), ReportStatus.RECEIVED, null, now);
    }
}
