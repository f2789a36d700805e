package org.linli.handlers;

import java.time.Clock;
import java.util.Set;
import org.linli.core.RateLimit;
import org.linli.photos.PhotoRefs;
import org.linli.views.photos.PhotoViews;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.identity.Principal;
import org.linli.json.JsonInput;
import org.linli.observability.Log;
import org.linli.views.Views;
import org.linli.views.volunteer.VolunteerViews;
import org.linli.volunteer.Audience;
import org.linli.volunteer.wishes.Wish;
import org.linli.volunteer.wishes.WishState;
import org.linli.volunteer.wishes.Wishes;
import org.linli.wiring.VolunteerPorts;
import org.linli.wiring.Wiring;

/** Micro-wishes through the six orders (六单), and the community's public feed. */
public final class WishesApi extends ApiHandler {
    private final Wishes wishes;
    private final PhotoRefs photos;

    public WishesApi() {
        this(Wiring.current());
    }

    private WishesApi(Wiring w) {
        this(w.volunteerPorts(), w.clock(), w.wishRateLimit(), w.photoRefs());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public WishesApi(VolunteerPorts ports, Clock clock, PhotoRefs photos) {
        this(ports, clock, null, photos);
    }

    /** {@code placements}: wishes one resident may place per window (null: no limit). */
    public WishesApi(VolunteerPorts ports, Clock clock, RateLimit placements, PhotoRefs photos) {
        super(clock);
        this.photos = photos;
        this.wishes = new Wishes(ports.wishes(), ports.members(), ports.communities(), ports.ratings(), ports.points(),
                ports.rules(), clock, placements);
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /wishes", Access.ANY_USER.own(), this::place),
                Route.of("GET /wishes/{wishId}", Access.ANY_USER.object(), this::get).personal(),
                Route.of("GET /me/wishes", Access.ANY_USER.own(), r -> list(r, wishes.placedBy(r.principal(), r.limit(20, 100), r.cursor()),
                        Audience.OWNER)),
                Route.of("GET /me/claims", Access.ANY_USER.own(), r -> list(r, wishes.claimedBy(r.principal(), r.limit(20, 100), r.cursor()),
                        Audience.CLAIMANT)),
                Route.of("GET /communities/{code}/wishes", Access.ANY_USER.community("code"), this::inCommunity),
                Route.of("POST /wishes/{wishId}/review", Access.staff().object(), r -> step(r, "review",
                        wishes.review(r.principal(), r.pathParam("wishId"), r.body()))),
                Route.of("POST /wishes/{wishId}/claim", Access.ANY_USER.object(), this::claim),
                Route.of("POST /wishes/{wishId}/completion", Access.ANY_USER.object(), r -> {
                    photos.requireUsable(r.principal().userId(), "evidencePhotoKeys", PhotoRefs.keysIn(r.body(), "evidencePhotoKeys"));
                    return step(r, "completion", wishes.complete(r.principal(), r.pathParam("wishId"), r.body()));
                }),
                Route.of("POST /wishes/{wishId}/confirmation", Access.ANY_USER.object(), this::confirm),
                Route.of("POST /wishes/{wishId}/release", Access.staff().object(), r -> step(r, "release",
                        wishes.release(r.principal(), r.pathParam("wishId"), r.body()))),
                Route.of("POST /wishes/{wishId}/reassign", Access.staff().object(), r -> step(r, "reassign",
                        wishes.reassign(r.principal(), r.pathParam("wishId"), r.body()))),
                Route.of("GET /communities/{code}/feed", Access.ANY_USER.anyTerritory(), r -> ApiResponse.ok(Views.page(
                        wishes.feed(r.pathParam("code"), r.limit(20, 50), r.cursor()), VolunteerViews::feedItem))));
    }

    /** The wish as {@code who} sees it; the completion's evidence with links where it is shown. */
    private ObjectNode wishView(Wish w, Audience who, java.time.Instant now) {
        ObjectNode o = VolunteerViews.wish(w, who, now);
        if (w.completion() != null && o.get("completion") instanceof ObjectNode c) {
            PhotoViews.links(c, "photos", photos.links(w.completion().evidenceKeys()));
        }
        return o;
    }

    private ApiResponse view(Principal me, Wish w) {
        return ApiResponse.ok(wishView(w, wishes.audience(me, w), clock.instant()));
    }

    private ApiResponse place(ApiRequest r) {
        Wishes.Outcome o = wishes.place(r.principal(), r.body(), Idempotency.key(r));
        Log.info(o.replayed() ? "wish.replayed" : "wish.placed", "wishId", o.wish().id(), "community",
                o.wish().community().code(), "requestId", r.requestId());
        ApiResponse response = ApiResponse.created(wishView(o.wish(), Audience.OWNER, clock.instant()),
                "/wishes/" + o.wish().id());
        return o.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
    }

    private ApiResponse get(ApiRequest r) {
        return view(r.principal(), wishes.find(r.pathParam("wishId")));
    }

    private ApiResponse list(ApiRequest r, org.linli.core.Page<Wish> page, Audience who) {
        return ApiResponse.ok(Views.page(page, w -> wishView(w, who, clock.instant())));
    }

    private ApiResponse inCommunity(ApiRequest r) {
        Principal me = r.principal();
        WishState state = QueryParams.enumParam(r, "state", WishState.class);
        var page = wishes.inCommunity(me, r.pathParam("code"), state, QueryParams.flag(r, "overdue"), r.limit(20, 100), r.cursor());
        return ApiResponse.ok(Views.page(page, w -> wishView(w, wishes.audience(me, w), clock.instant())));
    }

    private ApiResponse step(ApiRequest r, String step, Wish w) {
        Log.info("wish." + step, "wishId", w.id(), "state", w.state(), "requestId", r.requestId());
        return view(r.principal(), w);
    }

    private ApiResponse claim(ApiRequest r) {
        JsonInput.root(r.body(), Set.of()).throwIfInvalid(); // the claim takes no fields: send {}
        Wishes.Outcome o = wishes.claim(r.principal(), r.pathParam("wishId"));
        Log.info(o.replayed() ? "wish.claim_replayed" : "wish.claimed", "wishId", o.wish().id(), "requestId", r.requestId());
        ApiResponse response = ApiResponse.ok(wishView(o.wish(), Audience.CLAIMANT, clock.instant()));
        return o.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
    }

    private ApiResponse confirm(ApiRequest r) {
        Wishes.Outcome o = wishes.confirm(r.principal(), r.pathParam("wishId"), r.body());
        Log.info(o.replayed() ? "wish.confirm_replayed" : "wish.confirmed", "wishId", o.wish().id(), "state", o.wish().state(),
                "requestId", r.requestId());
        ApiResponse response = ApiResponse.ok(wishView(o.wish(), Audience.OWNER, clock.instant()));
        return o.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
    }
}
