package org.linli.handlers;

import java.time.Clock;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.observability.Log;
import org.linli.organisations.MemberLink;
import org.linli.organisations.Organisation;
import org.linli.organisations.Organisations;
import org.linli.views.organisations.OrganisationViews;
import org.linli.wiring.Wiring;

/**
 * Organisations that report for duty with a community (双报到 of units): register, list (contacts
 * whole for the community's staff, masked for everyone else), update, link a volunteer. Logs carry
 * ids only - never the contact person.
 */
public final class OrganisationsApi extends ApiHandler {
    private final Organisations organisations;

    public OrganisationsApi() {
        this(Wiring.current());
    }

    private OrganisationsApi(Wiring w) {
        this(w.organisations(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public OrganisationsApi(Organisations organisations, Clock clock) {
        super(clock);
        this.organisations = organisations;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /communities/{code}/organisations", Access.staff().community("code"), this::register),
                Route.of("GET /communities/{code}/organisations", Access.ANY_USER.community("code"), this::list).personal(),
                Route.of("PUT /communities/{code}/organisations/{organisationId}", Access.staff().community("code"), this::update),
                Route.of("POST /communities/{code}/organisations/{organisationId}/members", Access.staff().community("code"), this::link));
    }

    private ApiResponse register(ApiRequest r) {
        Organisations.Registered reg = organisations.register(r.principal(), r.pathParam("code"), r.body(), Idempotency.key(r));
        Organisation o = reg.organisation();
        Log.info(reg.replayed() ? "organisation.replayed" : "organisation.registered", "organisationId", o.id(),
                "community", o.community(), "kind", o.kind().name(), "requestId", r.requestId());
        ApiResponse answer = ApiResponse.created(OrganisationViews.organisation(o, true),
                "/communities/" + o.community() + "/organisations/" + o.id());
        return reg.replayed() ? answer.withHeader("Idempotent-Replayed", "true") : answer;
    }

    private ApiResponse list(ApiRequest r) {
        Organisations.Listing l = organisations.list(r.principal(), r.pathParam("code"));
        return ApiResponse.ok(OrganisationViews.roster(l.community().code(), l.roster(), l.staff()));
    }

    private ApiResponse update(ApiRequest r) {
        Organisation o = organisations.update(r.principal(), r.pathParam("code"), r.pathParam("organisationId"), r.body());
        Log.info("organisation.updated", "organisationId", o.id(), "community", o.community(), "version", o.version(),
                "requestId", r.requestId());
        return ApiResponse.ok(OrganisationViews.organisation(o, true));
    }

    private ApiResponse link(ApiRequest r) {
        MemberLink l = organisations.link(r.principal(), r.pathParam("code"), r.pathParam("organisationId"), r.body());
        Log.info("organisation.member_linked", "organisationId", l.organisationId(), "community", l.community(),
                "memberId", l.memberId(), "requestId", r.requestId());
        return ApiResponse.ok(OrganisationViews.link(l));
    }
}
