package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.linli.cases.Case;
import org.linli.cases.CaseStore;
import org.linli.cases.ReportReaders;
import org.linli.categories.Categories;
import org.linli.core.Disclosure;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.core.RateLimit;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.identity.Principal;
import org.linli.json.Json;
import org.linli.observability.Log;
import org.linli.photos.PhotoRefs;
import org.linli.views.photos.PhotoViews;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportIntake;
import org.linli.report.ReportParser;
import org.linli.report.ReportStore;
import org.linli.views.Views;
import org.linli.views.report.ReportViews;
import org.linli.wiring.Wiring;

/** POST /reports, GET /reports/{reportId}, GET /me/reports. */
public final class ReportsApi extends ApiHandler {
    private final ReportIntake intake;
    private final ReportStore reports;
    private final CaseStore cases;
    private final ReportParser parser;
    private final Categories categories;
    private final PhotoRefs photos;

    public ReportsApi() {
        this(Wiring.current());
    }

    private ReportsApi(Wiring w) {
        this(w.reportStore(), w.caseStore(), w.assignmentQueue(), w.categories(), w.clock(), w.reportRateLimit(),
                w.staffReportRateLimit(), w.photoRefs());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public ReportsApi(ReportStore reports, CaseStore cases, org.linli.report.AssignmentQueue queue,
                      Categories categories, Clock clock, PhotoRefs photos) {
        this(reports, cases, queue, categories, clock, null, null, photos);
    }

    /** {@code residents}, {@code staff}: reports one person may file per window (null: no limit). */
    public ReportsApi(ReportStore reports, CaseStore cases, org.linli.report.AssignmentQueue queue,
                      Categories categories, Clock clock, RateLimit residents, RateLimit staff, PhotoRefs photos) {
        this(reports, cases, new ReportIntake(reports, queue, clock, residents, staff), categories, clock, photos);
    }

    private ReportsApi(ReportStore reports, CaseStore cases, ReportIntake intake, Categories categories, Clock clock,
                       PhotoRefs photos) {
        super(clock);
        this.photos = photos;
        this.reports = reports;
        this.cases = cases;
        this.intake = intake;
        this.categories = categories;
        this.parser = new ReportParser(categories);
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /reports", Access.ANY_USER.own(), this::create),
                Route.of("GET /reports/{reportId}", Access.ANY_USER.object(), this::get).personal(),
                Route.of("GET /me/reports", Access.ANY_USER.own(), this::mine));
    }

    private ApiResponse create(ApiRequest request) {
        Principal me = request.principal();
        String key = Idempotency.key(request);
        ReportDraft draft = parser.parse(request.body());
        if (draft.source().staffOnly() && !me.isStaff()) {
            throw new Forbidden("Only staff may file reports from source " + draft.source() + ".");
        }
        photos.requireUsable(me.userId(), "photoKeys", draft.photoKeys());
        ReportIntake.Submission s = intake.submit(me.userId(), me.isStaff(), draft, key);
        Report r = s.report();
        Log.info(s.replayed() ? "report.replayed" : "report.received", "reportId", r.id(), "category",
                draft.category(), "queued", s.queued(), "requestId", request.requestId());
        // A retry after assignment reads the case (one more read, on replays only) to answer its status.
        Case c = r.caseId() == null ? null : cases.find(r.caseId()).orElse(null);
        ApiResponse response = ApiResponse.accepted(ReportViews.accepted(r, c), "/reports/" + r.id());
        return s.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
    }

    private ApiResponse get(ApiRequest request) {
        Principal me = request.principal();
        String id = request.pathParam("reportId");
        if (!org.linli.core.Ids.looksLike(id, "rpt")) throw new NotFound("report", id);
        Report r = reports.find(id).orElseThrow(() -> new NotFound("report", id));
        Case c = r.caseId() == null ? null : cases.find(r.caseId()).orElse(null);
        Disclosure shown = ReportReaders.disclosure(r, c, me);
        if (shown == Disclosure.FULL && !r.reporterId().equals(me.userId()) && r.content().contact().present()) {
            // Staff shown a resident's contact whole: recorded in the access log (PIPL), as an explicit reveal is.
            request.disclosed(new org.linli.privacy.Disclosed(java.util.List.of(org.linli.privacy.AccessEntry.subject("report", id),
                    org.linli.privacy.AccessEntry.subject("case", c == null ? "none" : c.id())), org.linli.privacy.AccessEntry.Purpose.HANDLING, null));
        }
        ObjectNode view = ReportViews.report(r, c, categories, shown);
        // the photos' links go to those who see the report whole: its reporters and the staff handling it
        if (shown == Disclosure.FULL) PhotoViews.links(view, "photos", photos.links(r.content().photoKeys()));
        return ApiResponse.ok(view);
    }

    private ApiResponse mine(ApiRequest request) {
        Principal me = request.principal();
        Page<Report> page = reports.byReporter(me.userId(), request.limit(20, 50), request.cursor());
        Map<String, Case> byId = cases.findAll(page.items().stream().map(Report::caseId).filter(Objects::nonNull).toList());
        ObjectNode body = Json.object();
        var items = body.putArray("items");
        for (Report r : page.items()) {
            ObjectNode view = ReportViews.report(r, r.caseId() == null ? null : byId.get(r.caseId()), categories, Disclosure.FULL);
            PhotoViews.links(view, "photos", photos.links(r.content().photoKeys()));
            items.add(view);
        }
        return ApiResponse.ok(Views.withCursor(body, page.nextCursor()));
    }
}
