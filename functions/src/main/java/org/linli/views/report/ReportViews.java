package org.linli.views.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.cases.Case;
import org.linli.categories.Categories;
import org.linli.core.Ids;
import org.linli.core.Times;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.views.Views;
import org.linli.views.cases.CaseViews;

/**
 * JSON views of reports. Callers decide what the viewer may see (the domain's {@code ReportReaders}):
 * the contact whole to the reporter himself and the staff handling the case, masked for other staff.
 */
public final class ReportViews {
    private ReportViews() {}

    /**
     * What the API calls a report's status: RECEIVED until it has a case, then the case's status.
     * The report's own CASED is internal (the API documents it nowhere, issue 13 defect 6): a
     * report whose case cannot be read is shown as RECEIVED.
     */
    public static String status(Report r, Case c) {
        return c != null ? c.status().name() : org.linli.report.ReportStatus.RECEIVED.name();
    }

    /** The answer to POST /reports, first time or replayed ({@code c}: its case, if it has one by now). */
    public static ObjectNode accepted(Report r, Case c) {
        ObjectNode body = org.linli.json.Json.object();
        body.put("reportId", r.id());
        body.put("status", status(r, c));
        body.put("receivedAt", Times.api(r.receivedAt()));
        body.putObject("links").put("self", "/reports/" + r.id());
        return body;
    }

    /** A report as {@code shown} allows: the contact whole, masked, or (anonymous to the public) left out. */
    public static ObjectNode report(Report r, Case c, Categories categories, org.linli.core.Disclosure shown) {
        ReportDraft d = r.content().disclosed(shown);
        ObjectNode o = org.linli.json.Json.object();
        o.put("reportId", r.id());
        o.put("status", status(r, c));
        o.put("category", d.category());
        categories.find(d.category()).ifPresent(cat -> o.put("categoryName", cat.name()));
        o.put("description", d.description());
        ObjectNode loc = o.putObject("location");
        Views.point(loc, d.point());
        if (d.buildingCode() != null) loc.put("buildingCode", d.buildingCode());
        var photos = o.putArray("photoKeys");
        d.photoKeys().forEach(photos::add);
        if (shown != org.linli.core.Disclosure.ANONYMOUS) {
            ObjectNode contact = o.putObject("contact");
            if (d.contact().name() != null) contact.put("name", d.contact().name());
            if (d.contact().phone() != null) contact.put("phone", d.contact().phone());
        }
        o.put("anonymousToPublic", d.anonymousToPublic());
        o.put("source", d.source().name());
        o.put("receivedAt", Times.api(r.receivedAt()));
        if (c == null) o.putNull("case");
        else if (!c.reporterIds().isEmpty() && !c.reporterIds().get(0).equals(r.reporterId())) o.set("case", CaseViews.followerView(c, categories));
        else o.set("case", CaseViews.caseView(c, categories, false));
        // A report near an open case of its category joined it instead of opening its own.
        o.put("joinedExistingCase", r.caseId() != null && !r.caseId().equals(Ids.rebrand(r.id(), "case")));
        return o;
    }

}
