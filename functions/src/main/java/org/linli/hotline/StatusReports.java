package org.linli.hotline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.CaseStore;
import org.linli.cases.Party;
import org.linli.cases.Resolution;
import org.linli.cases.Verdict;
import org.linli.core.Masking;
import org.linli.hotline.StatusReport.Kind;

/**
 * Turns the events of a work order's case into the status reports the 12345 platform gets back
 * (docs/hotline.md) and puts them in the outbox: the order becoming a case (受理), each status
 * change, the result with its photos (办结), a callback (回访) and the resident's verdict (满意度).
 * Events of other cases, and events that change nothing the platform tracks (notes, check-ins,
 * overdue flags), give none. Only a result (the case, for its resolution's text and photos) or a
 * rejection (the audit entry, for its reason) reads anything: the event message carries no free
 * text. Free text goes out masked (phone numbers, ID numbers), as Open311's status notes do.
 */
public final class StatusReports {
    private final CaseStore cases;
    private final HotlineOutbox outbox;
    private final ReportedVersions reported;

    public StatusReports(CaseStore cases, HotlineOutbox outbox, ReportedVersions reported) {
        this.cases = cases;
        this.outbox = outbox;
        this.reported = reported;
    }

    /**
     * Puts the event's reports in the outbox, after those of any earlier version not reported yet
     * (read from the audit trail: the case event stream may deliver v+1 before v); nothing for an
     * event already reported. Returns how many reports were put in (0 for a case of no work order).
     * Two readers racing put the same reports; the outbox's deduplication by report id keeps one.
     */
    public int accept(CaseEvent e) {
        if (e.detail(CaseEvent.ORDER_NO) == null) return 0;
        long done = reported.reported(e.caseId());
        if (done >= e.version()) return 0;
        int n = 0;
        for (long v = done + 1; v < e.version(); v++) {
            Optional<CaseEvent> earlier = cases.auditEntry(e.caseId(), v);
            if (earlier.isPresent()) n += put(of(earlier.get()));
        }
        n += put(of(e));
        reported.advance(e.caseId(), e.version());
        return n;
    }

    private int put(List<StatusReport> reports) {
        reports.forEach(outbox::put);
        return reports.size();
    }

    List<StatusReport> of(CaseEvent e) {
        String orderNo = e.detail(CaseEvent.ORDER_NO);
        if (orderNo == null) return List.of();
        List<Kind> kinds = kinds(e);
        if (kinds.isEmpty()) return List.of();
        String result = null;
        String reason = null;
        List<StatusReport.Photo> photos = List.of();
        if (kinds.contains(Kind.RESULT)) {
            // The result is kept on the case, not in the audit entry: the case's resolution (the latest one).
            Resolution r = cases.find(e.caseId()).map(c -> c.resolution()).orElse(null);
            if (r != null) {
                result = Masking.text(r.result());
                photos = r.evidence().stream().map(k -> new StatusReport.Photo(k, null)).toList();
            }
        }
        if (kinds.contains(Kind.REJECTED)) {
            CaseEvent full = cases.auditEntry(e.caseId(), e.version()).orElse(e);
            reason = full.detail("reason") == null ? null : Masking.text(full.detail("reason"));
        }
        String verdict = e.detail("verdict") != null ? e.detail("verdict") : e.detail("outcome");
        List<StatusReport> out = new ArrayList<>();
        for (Kind k : kinds) {
            out.add(new StatusReport(e.eventId() + ":" + k.name(), orderNo, e.caseId(), e.version(), k, e.to().name(), e.at(),
                    k == Kind.RESULT ? result : null, k == Kind.RESULT ? photos : List.of(),
                    k == Kind.CALLBACK ? e.detail("outcome") : null, k == Kind.VERDICT ? verdict : null,
                    k == Kind.REJECTED ? reason : null));
        }
        return out;
    }

    /**
     * What an event tells the platform, in order. A callback that reached the resident carries his
     * satisfaction, so it is a 回访 followed by a 满意度; the closing or rework it causes is in their status.
     */
    static List<Kind> kinds(CaseEvent e) {
        CaseAction a = e.action();
        if (a == CaseAction.OPEN) {
            return e.to() == CaseStatus.ASSIGNED ? List.of(Kind.ACCEPTED, Kind.ASSIGNED) : List.of(Kind.ACCEPTED);
        }
        if (a == CaseAction.CALLBACK) {
            return Verdict.UNREACHABLE.name().equals(e.detail("outcome")) ? List.of(Kind.CALLBACK) : List.of(Kind.CALLBACK, Kind.VERDICT);
        }
        if (a == CaseAction.VERDICT) return e.actedAs() == Party.REPORTER ? List.of(Kind.VERDICT) : List.of();
        if (a == CaseAction.REOPEN) return List.of(Kind.REOPENED);
        if (e.from() == e.to()) return List.of();
        return switch (e.to()) {
            case ASSIGNED -> List.of(Kind.ASSIGNED);
            case ACCEPTED -> List.of(Kind.SIGNED_FOR);
            case IN_PROGRESS -> List.of(Kind.IN_PROGRESS);
            case COORDINATING -> List.of(Kind.COORDINATING);
            case ESCALATED -> List.of(Kind.ESCALATED);
            case UNASSIGNED -> List.of(Kind.RETURNED);
            case RESOLVED -> List.of(Kind.RESULT);
            case FED_BACK -> List.of(Kind.FED_BACK);
            case REWORK -> List.of(Kind.REWORK);
            case CLOSED -> List.of(Kind.CLOSED);
            case REJECTED -> List.of(Kind.REJECTED);
            case MERGED -> List.of(Kind.MERGED);
        };
    }
}
