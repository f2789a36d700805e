package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import org.linli.core.ValidationFailed;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.identity.ErasureRecord;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.observability.Log;
import org.linli.privacy.AccessLog;
import org.linli.privacy.ContactReveals;
import org.linli.privacy.Erasures;
import org.linli.views.Views;
import org.linli.views.privacy.PrivacyViews;
import org.linli.wiring.Wiring;

/**
 * PIPL routes (docs/privacy.md): the recorded contact reveal and a case's reveals, the access log
 * for administrators, and erasure - by the user himself ({@code DELETE /me}) or an administrator.
 * Nothing personal is logged: ids, states and counts only.
 */
public final class PrivacyApi extends ApiHandler {
    private final ContactReveals reveals;
    private final AccessLog log;
    private final Erasures erasures;

    public PrivacyApi() {
        this(Wiring.current());
    }

    private PrivacyApi(Wiring w) {
        this(w.contactReveals(), w.accessLog(), w.erasures(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public PrivacyApi(ContactReveals reveals, AccessLog log, Erasures erasures, Clock clock) {
        super(clock);
        this.reveals = reveals;
        this.log = log;
        this.erasures = erasures;
        Access admins = Access.roles(Role.ADMIN).system();
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /cases/{caseId}/contact-reveals", Access.staff().object(), this::reveal),
                Route.of("GET /cases/{caseId}/contact-reveals", Access.staff().object(), this::revealsOf),
                Route.of("GET /admin/access-log", admins, this::accessLog).personal(),
                Route.of("DELETE /me", Access.ANY_USER.own(), this::eraseMe).withoutAccountCheck(),
                Route.of("POST /admin/users/{userId}/erasure", admins, this::eraseUser));
    }

    private ApiResponse reveal(ApiRequest r) {
        Instant now = clock.instant();
        var shown = reveals.reveal(r.principal(), r.pathParam("caseId"), r.body(), r.header("idempotency-key").orElse(null), now);
        r.disclosed(shown.disclosed());
        Log.info("privacy.contact_revealed", "caseId", shown.kase().id(), "reportId", shown.report().id(), "by", r.principal().userId(),
                "entryId", shown.disclosed().entryId(), "requestId", r.requestId());
        return ApiResponse.ok(PrivacyViews.revealed(shown, now));
    }

    private ApiResponse revealsOf(ApiRequest r) {
        return ApiResponse.ok(Views.page(reveals.reveals(r.principal(), r.pathParam("caseId"), r.limit(20, 100), r.cursor()),
                PrivacyViews::reveal));
    }

    private ApiResponse accessLog(ApiRequest r) {
        String subject = r.query("subject").orElse(null);
        String viewer = r.query("viewer").orElse(null);
        if ((subject == null) == (viewer == null)) {
            throw ValidationFailed.of(subject == null ? "subject" : "viewer", "give exactly one of subject (e.g. report:rpt_…) or viewer (a user id)");
        }
        if (subject != null && !subject.matches("[a-z]{1,20}:[A-Za-z0-9_-]{1,64}")) {
            throw ValidationFailed.of("subject", "must be kind:id, e.g. report:rpt_… or case:case_…");
        }
        if (viewer != null && !viewer.matches("usr_[A-Za-z0-9]{1,64}")) throw ValidationFailed.of("viewer", "must be a user id");
        var page = subject != null ? log.bySubject(subject, r.limit(50, 200), r.cursor()) : log.byViewer(viewer, r.limit(50, 200), r.cursor());
        return ApiResponse.ok(Views.page(page, PrivacyViews::entry));
    }

    private ApiResponse eraseMe(ApiRequest r) {
        return erased(r, erasures.eraseOwn(r.principal()));
    }

    private ApiResponse eraseUser(ApiRequest r) {
        return erased(r, erasures.eraseByAdmin(r.principal(), r.pathParam("userId"), r.body()));
    }

    private ApiResponse erased(ApiRequest r, ErasureRecord e) {
        Log.info("privacy.erasure", "userId", e.userId(), "bySelf", e.bySelf(), "state", e.state(), "reports", e.reportsAnonymised(),
                "requestId", r.requestId());
        ObjectNode body = Json.object();
        body.set("erasure", PrivacyViews.erasure(e));
        return ApiResponse.accepted(body, e.bySelf() ? "/me" : "/admin/users/" + e.userId());
    }
}
