package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.json.Json;
import org.linli.observability.Log;
import org.linli.views.Views;
import org.linli.views.volunteer.VolunteerViews;
import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.grading.Standings;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import org.linli.volunteer.membership.Memberships;
import org.linli.volunteer.points.Ratings;
import org.linli.volunteer.servicelog.LogStatus;
import org.linli.volunteer.servicelog.ServiceLog;
import org.linli.volunteer.servicelog.ServiceLogs;
import org.linli.wiring.VolunteerPorts;
import org.linli.photos.PhotoRefs;
import org.linli.views.photos.PhotoViews;
import org.linli.wiring.Wiring;

/**
 * Party-member volunteers: registration (双报到) and its review, residents' appraisals, a member's
 * points, and the service log with its verification and rating.
 */
public final class VolunteersApi extends ApiHandler {
    private final VolunteerPorts ports;
    private final Memberships memberships;
    private final ServiceLogs logs;
    private final Ratings ratings;
    private final VolunteerRules rules;
    private final PhotoRefs photos;

    public VolunteersApi() {
        this(Wiring.current());
    }

    private VolunteersApi(Wiring w) {
        this(w.volunteerPorts(), w.clock(), w.photoRefs());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public VolunteersApi(VolunteerPorts ports, Clock clock, PhotoRefs photos) {
        super(clock);
        this.photos = photos;
        this.ports = ports;
        this.rules = ports.rules();
        this.memberships = new Memberships(ports.members(), ports.communities(), clock);
        this.logs = new ServiceLogs(ports.logs(), ports.wishes(), ports.ratings(), ports.points(), rules, clock);
        this.ratings = new Ratings(ports.points(), ports.members(), ports.ratings(), rules.points(), clock);
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /volunteers", Access.ANY_USER.own(), this::register),
                Route.of("GET /me/volunteer", Access.ANY_USER.own(), r -> ApiResponse.ok(VolunteerViews.membership(
                        memberships.mine(r.principal().userId())))),
                Route.of("GET /communities/{code}/volunteers", Access.staff().community("code"), this::registrations).personal(),
                Route.of("POST /volunteers/{memberId}/decision", Access.staff().object(), this::decide),
                Route.of("POST /volunteers/{memberId}/appraisals", Access.ANY_USER.object(), this::appraise),
                Route.of("GET /me/points", Access.ANY_USER.own(), this::points),
                Route.of("POST /service-logs", Access.ANY_USER.object(), this::log),
                Route.of("GET /me/service-logs", Access.ANY_USER.own(), r -> ApiResponse.ok(Views.page(
                        logs.mine(r.principal(), r.limit(20, 100), r.cursor()), this::view))),
                Route.of("GET /me/received-services", Access.ANY_USER.own(), r -> ApiResponse.ok(Views.page(
                        logs.received(r.principal(), r.limit(20, 100), r.cursor()), this::view))),
                Route.of("GET /service-logs/{logId}", Access.ANY_USER.object(), this::getLog),
                Route.of("POST /service-logs/{logId}/verification", Access.ANY_USER.object(), this::verify),
                Route.of("POST /service-logs/{logId}/rating", Access.ANY_USER.object(), this::rate),
                Route.of("GET /communities/{code}/service-logs", Access.staff().community("code"), this::communityLogs));
    }

    /** The log with links to its evidence photos: whoever may read the log may see them. */
    private ObjectNode view(ServiceLog l) {
        ObjectNode o = VolunteerViews.log(l, rules.logs());
        PhotoViews.links(o, "photos", photos.links(l.evidenceKeys()));
        return o;
    }

    private ApiResponse register(ApiRequest r) {
        Membership m = memberships.register(r.principal().userId(), r.body());
        Log.info("volunteer.registered", "memberId", m.memberId(), "community", m.community().code(), "requestId", r.requestId());
        return ApiResponse.created(VolunteerViews.membership(m), "/me/volunteer");
    }

    private ApiResponse registrations(ApiRequest r) {
        MembershipStatus status = QueryParams.enumParam(r, "status", MembershipStatus.class);
        var page = memberships.inCommunity(r.principal(), r.pathParam("code"), status, r.limit(20, 100), r.cursor());
        // The list shows volunteers' names and phones whole: recorded in the access log (PIPL).
        if (!page.items().isEmpty()) r.disclosed(new org.linli.privacy.Disclosed(java.util.List.of(org.linli.privacy.AccessEntry.subject(
                "volunteers", r.pathParam("code"))), org.linli.privacy.AccessEntry.Purpose.VOLUNTEER_LIST, null));
        return ApiResponse.ok(Views.page(page, VolunteerViews::membership));
    }

    private ApiResponse decide(ApiRequest r) {
        Membership m = memberships.decide(r.principal(), r.pathParam("memberId"), r.body());
        Log.info("volunteer.decided", "memberId", m.memberId(), "status", m.status(), "requestId", r.requestId());
        return ApiResponse.ok(VolunteerViews.membership(m));
    }

    private ApiResponse appraise(ApiRequest r) {
        boolean replayed = ratings.appraise(r.principal(), r.pathParam("memberId"), r.body());
        ApiResponse response = new ApiResponse(202, Json.object().put("status", "ACCEPTED"), java.util.Map.of());
        return replayed ? response.withHeader("Idempotent-Replayed", "true") : response;
    }

    private ApiResponse points(ApiRequest r) {
        int year = r.query("year").map(Standings::year).orElse(VolunteerTime.year(clock.instant()));
        return ApiResponse.ok(ports.points().statement(r.principal().userId(), year).map(VolunteerViews::statement)
                .orElseGet(() -> Json.object().put("memberId", r.principal().userId()).put("year", year).put("points", 0)
                        .put("verifiedMinutes", 0).set("entries", Json.array())));
    }

    private ApiResponse log(ApiRequest r) {
        photos.requireUsable(r.principal().userId(), "evidencePhotoKeys", PhotoRefs.keysIn(r.body(), "evidencePhotoKeys"));
        ServiceLogs.Outcome o = logs.record(r.principal(), r.body(), Idempotency.key(r));
        Log.info(o.replayed() ? "service_log.replayed" : "service_log.recorded", "logId", o.log().id(),
                "community", o.log().community().code(), "minutes", o.log().minutes(), "requestId", r.requestId());
        ApiResponse response = ApiResponse.created(view(o.log()), "/service-logs/" + o.log().id());
        return o.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
    }

    private ApiResponse getLog(ApiRequest r) {
        ServiceLog l = logs.find(r.pathParam("logId"));
        logs.audience(r.principal(), l);
        return ApiResponse.ok(view(l));
    }

    private ApiResponse verify(ApiRequest r) {
        ServiceLogs.Outcome o = logs.verify(r.principal(), r.pathParam("logId"), r.body());
        Log.info(o.replayed() ? "service_log.verify_replayed" : "service_log.decided", "logId", o.log().id(),
                "status", o.log().status(), "points", o.log().points(), "requestId", r.requestId());
        ApiResponse response = ApiResponse.ok(view(o.log()));
        return o.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
    }

    private ApiResponse rate(ApiRequest r) {
        ServiceLogs.Outcome o = logs.rate(r.principal(), r.pathParam("logId"), r.body());
        Log.info("service_log.rated", "logId", o.log().id(), "replayed", o.replayed(), "requestId", r.requestId());
        ApiResponse response = ApiResponse.ok(view(o.log()));
        return o.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
    }

    private ApiResponse communityLogs(ApiRequest r) {
        LogStatus status = QueryParams.enumParam(r, "status", LogStatus.class);
        var community = ports.communities().require(r.pathParam("code"));
        return ApiResponse.ok(Views.page(logs.inCommunity(r.principal(), community, status, r.limit(20, 100), r.cursor()),
                this::view));
    }
}
