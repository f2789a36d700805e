package org.linli.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.linli.cases.Actor;
import org.linli.cases.Case;
import org.linli.cases.CaseStore;
import org.linli.cases.ReportReaders;
import org.linli.cases.Standing;
import org.linli.core.Disclosure;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.identity.Principal;
import org.linli.json.JsonInput;
import org.linli.report.Report;
import org.linli.report.ReportStore;

/**
 * The recorded "show the contact" (查看联系方式): a staff member handling a case asks to see a
 * report's contact whole, giving a reason; the same rule as every report view decides whether he
 * may ({@link ReportReaders}: the staff handling the case, administrators), and the answer is
 * recorded in the access log before it is sent. The case's reveals are listed to the staff who
 * can see the case.
 */
public final class ContactReveals {
    private final ReportStore reports;
    private final CaseStore cases;
    private final AccessLog log;

    public ContactReveals(ReportStore reports, CaseStore cases, AccessLog log) {
        this.reports = reports;
        this.cases = cases;
        this.log = log;
    }

    /** What a reveal shows: the report (its contact whole), its case, and the access entry to record. */
    public record Reveal(Report report, Case kase, Disclosed disclosed) {}

    /** @throws Forbidden when the viewer does not handle the case; NotFound when the report is not the case's */
    public Reveal reveal(Principal viewer, String caseId, JsonNode body, String idempotencyKey, java.time.Instant now) {
        JsonInput in = JsonInput.root(body, Set.of("reportId", "reason"));
        String reportId = in.requiredString("reportId", 1, 64, JsonInput.TextRule.SINGLE_LINE);
        String reason = in.requiredString("reason", 2, 200, JsonInput.TextRule.SINGLE_LINE);
        in.throwIfInvalid();
        Case c = findCase(caseId);
        if (!Ids.looksLike(reportId, "rpt")) throw new NotFound("report", reportId);
        Report r = reports.find(reportId).filter(x -> caseId.equals(x.caseId())).orElseThrow(() -> new NotFound("report", reportId));
        if (ReportReaders.disclosure(r, c, viewer) != Disclosure.FULL) {
            throw new Forbidden("Only the staff handling this case are shown its contacts.");
        }
        // A retried reveal (the same Idempotency-Key) answers the same id; it showed the contact again, so it is recorded again under it.
        String entryId = idempotencyKey == null ? Ids.random("acc", now) : Ids.derived("acc", viewer.userId(), caseId, idempotencyKey);
        return new Reveal(r, c, new Disclosed(List.of(AccessEntry.subject("case", caseId), AccessEntry.subject("report", reportId)),
                AccessEntry.Purpose.REVEAL, reason, entryId));
    }

    /** Who was shown this case's contacts, newest first: to staff who may see the case. */
    public Page<AccessEntry> reveals(Principal viewer, String caseId, int limit, String cursor) {
        Case c = findCase(caseId);
        Standing s = Standing.of(c, Actor.of(viewer));
        if (!viewer.isAdmin() && !s.handles() && !s.staffView()) throw new Forbidden("This case is outside your territory.");
        return log.bySubject(AccessEntry.subject("case", caseId), limit, cursor);
    }

    private Case findCase(String caseId) {
        if (!Ids.looksLike(caseId, "case")) throw new NotFound("case", caseId);
        return cases.find(caseId).orElseThrow(() -> new NotFound("case", caseId));
    }
}
