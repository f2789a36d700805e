package org.linli.handlers;

import java.time.Clock;
import java.util.function.Supplier;
import org.linli.categories.Categories;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.hotline.HotlineIntake;
import org.linli.hotline.HotlineOrder;
import org.linli.hotline.HotlineSignature;
import org.linli.json.Json;
import org.linli.observability.Log;
import org.linli.report.ReportIntake;
import org.linli.territory.AddressMatcher;
import org.linli.territory.Locator;
import org.linli.territory.TerritoryRegistry;
import org.linli.wiring.Wiring;

/**
 * The 12345 hotline platform pushes its work orders here (docs/hotline.md): no user token - the
 * message is signed with the secret shared with the platform (HMAC-SHA256 over timestamp and body,
 * a five-minute window), checked before anything is read from it; an order number is one case.
 */
public final class HotlineApi extends ApiHandler {
    private final Supplier<byte[]> secret;
    private final HotlineIntake intake;
    private final Categories categories;

    public HotlineApi() {
        this(Wiring.current());
    }

    private HotlineApi(Wiring w) {
        this(w.hotlineSecret(), w.hotlineIntake(), w.territory(), w.categories(), w.clock());
    }

    public HotlineApi(Supplier<byte[]> secret, ReportIntake intake, TerritoryRegistry territory, Categories categories, Clock clock) {
        super(clock);
        this.secret = secret;
        this.intake = new HotlineIntake(intake, new Locator(territory), new AddressMatcher(territory));
        this.categories = categories;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /hotline/orders", Access.PUBLIC, this::order));
    }

    private ApiResponse order(ApiRequest request) {
        HotlineSignature.verify(secret.get(), request.header("x-linli-timestamp").orElse(null),
                request.header("x-linli-signature").orElse(null), request.rawBody(), clock.instant());
        HotlineOrder order = HotlineOrder.parse(request.body(), categories);
        HotlineIntake.Received r = intake.receive(order);
        Log.info("hotline.order", "orderNo", order.orderNo(), "reportId", r.reportId(), "category", order.category().code());
        return ApiResponse.accepted(Json.object().put("orderNo", order.orderNo()).put("reportId", r.reportId()).put("caseId", r.caseId()),
                "/reports/" + r.reportId());
    }
}
