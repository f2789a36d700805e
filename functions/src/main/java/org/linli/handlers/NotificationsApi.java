package org.linli.handlers;

import java.time.Clock;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.json.Json;
import org.linli.notify.Notification;
import org.linli.notify.NotificationStore;
import org.linli.views.Views;
import org.linli.views.notify.NotificationViews;
import org.linli.wiring.Wiring;

/**
 * GET /me/notifications (newest first: case notifications and the monthly cycle's reminders),
 * POST /me/notifications/{notificationId}/read.
 */
public final class NotificationsApi extends ApiHandler {
    private final NotificationStore store;

    public NotificationsApi() {
        this(Wiring.current());
    }

    private NotificationsApi(Wiring w) {
        this(w.notificationStore(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public NotificationsApi(NotificationStore store, Clock clock) {
        super(clock);
        this.store = store;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("GET /me/notifications", Access.ANY_USER.own(), this::mine),
                Route.of("POST /me/notifications/{notificationId}/read", Access.ANY_USER.own(), this::read));
    }

    private ApiResponse mine(ApiRequest request) {
        Page<Notification> page = store.of(request.principal().userId(), request.limit(20, 100), request.cursor());
        return ApiResponse.ok(Views.page(page, NotificationViews::notification));
    }

    /** Marking read takes an empty JSON object ({@code {}}); it is idempotent. */
    private ApiResponse read(ApiRequest request) {
        String id = request.pathParam("notificationId");
        if (!Ids.looksLike(id, "ntf")) throw new NotFound("notification", id);
        org.linli.json.JsonInput.root(request.body(), java.util.Set.of()).throwIfInvalid();
        if (!store.markRead(request.principal().userId(), id, clock.instant())) throw new NotFound("notification", id);
        return ApiResponse.ok(Json.object().put("notificationId", id).put("read", true));
    }
}
