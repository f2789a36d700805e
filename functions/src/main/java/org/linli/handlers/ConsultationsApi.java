package org.linli.handlers;

import java.time.Clock;
import org.linli.consultations.Consultation;
import org.linli.consultations.Consultations;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.observability.Log;
import org.linli.views.Views;
import org.linli.views.consultations.ConsultationViews;
import org.linli.wiring.Wiring;

/**
 * 议事协商: staff open a consultation (on a case or a topic), notify the participants, record the
 * attendance and the decision (which moves the case and is published), or cancel it; staff of
 * the community list them; everyone signed in reads the published decisions, masked. Logs carry
 * ids and states only - never names, topics or minutes.
 */
public final class ConsultationsApi extends ApiHandler {
    private final Consultations consultations;

    public ConsultationsApi() {
        this(Wiring.current());
    }

    private ConsultationsApi(Wiring w) {
        this(w.consultations(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public ConsultationsApi(Consultations consultations, Clock clock) {
        super(clock);
        this.consultations = consultations;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /consultations", Access.staff().object(), this::open),
                Route.of("GET /consultations/{consultationId}", Access.staff().object(), this::get).personal(),
                Route.of("POST /consultations/{consultationId}/notices", Access.staff().object(),
                        r -> step(r, "notified", consultations.notifyParticipants(r.principal(), r.pathParam("consultationId"), r.body()))),
                Route.of("POST /consultations/{consultationId}/attendance", Access.staff().object(),
                        r -> step(r, "attendance", consultations.recordAttendance(r.principal(), r.pathParam("consultationId"), r.body()))),
                Route.of("POST /consultations/{consultationId}/decision", Access.staff().object(),
                        r -> shown(r, "decided", consultations.decide(r.principal(), r.pathParam("consultationId"), r.body()))),
                Route.of("POST /consultations/{consultationId}/cancellation", Access.staff().object(),
                        r -> step(r, "cancelled", consultations.cancel(r.principal(), r.pathParam("consultationId"), r.body()))),
                Route.of("GET /communities/{code}/consultations", Access.staff().community("code"), r -> ApiResponse.ok(Views.page(
                        consultations.byCommunity(r.principal(), r.pathParam("code"), r.limit(20, 100), r.cursor()), ConsultationViews::row))),
                Route.of("GET /communities/{code}/decisions", Access.ANY_USER.anyTerritory(), r -> ApiResponse.ok(Views.page(
                        consultations.decisions(r.pathParam("code"), r.limit(20, 100), r.cursor()), ConsultationViews::published))));
    }

    private ApiResponse open(ApiRequest r) {
        Consultations.Opened opened = consultations.open(r.principal(), r.body(), Idempotency.key(r));
        Consultation c = opened.consultation();
        Log.info(opened.replayed() ? "consultation.replayed" : "consultation.opened", "consultationId", c.id(),
                "community", c.community(), "caseId", c.caseId(), "participants", c.participants().size(), "requestId", r.requestId());
        ApiResponse answer = ApiResponse.created(ConsultationViews.consultation(c, opened.organisations()), "/consultations/" + c.id());
        return opened.replayed() ? answer.withHeader("Idempotent-Replayed", "true") : answer;
    }

    private ApiResponse get(ApiRequest r) {
        Consultation c = consultations.get(r.principal(), r.pathParam("consultationId"));
        return ApiResponse.ok(ConsultationViews.consultation(c, consultations.organisationsOf(c)));
    }

    private ApiResponse step(ApiRequest r, String what, Consultation c) {
        return shown(r, what, new Consultations.Shown(c, consultations.organisationsOf(c)));
    }

    private ApiResponse shown(ApiRequest r, String what, Consultations.Shown shown) {
        Consultation c = shown.consultation();
        Log.info("consultation." + what, "consultationId", c.id(), "community", c.community(), "caseId", c.caseId(),
                "state", c.state().name(), "version", c.version(), "requestId", r.requestId());
        return ApiResponse.ok(ConsultationViews.consultation(c, shown.organisations()));
    }
}
