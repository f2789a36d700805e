package org.linli.cases;

import org.linli.core.Disclosure;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.identity.Principal;
import org.linli.report.Report;

/**
 * Who may read a report, and how much of its reporter he sees (PIPL): the reporter and the staff
 * handling its case (assignee, the staff owning the case's tier, summoned departments) see the
 * contact whole - whether or not he asked to be anonymous to the public; other staff covering the
 * case's territory see it masked; other residents may not learn that the report exists.
 */
public final class ReportReaders {
    private ReportReaders() {}

    /** @throws NotFound for residents who are not the reporter, Forbidden for staff outside the case */
    public static Disclosure disclosure(Report r, Case c, Principal viewer) {
        if (r.reporterId().equals(viewer.userId())) return Disclosure.FULL;
        if (!viewer.isStaff()) throw new NotFound("report", r.id());
        if (c == null) {
            // Not placed yet: no territory says who handles it but an administrator.
            if (viewer.isAdmin()) return Disclosure.FULL;
            throw new Forbidden("This report has no case yet; only administrators read it now.");
        }
        Standing s = Standing.of(c, Actor.of(viewer));
        if (s.handles()) return Disclosure.FULL;
        if (s.staffView()) return Disclosure.MASKED;
        throw new Forbidden("This report is outside your territory.");
    }
}
