package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.core.ValidationFailed;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.json.JsonInput;
import org.linli.kpi.CaseFacts;
import org.linli.kpi.CaseTrails;
import org.linli.kpi.Figures;
import org.linli.kpi.KpiReaders;
import org.linli.kpi.KpiRecompute;
import org.linli.kpi.KpiSettings;
import org.linli.kpi.KpiStore;
import org.linli.kpi.Ranking;
import org.linli.kpi.Unit;
import org.linli.kpi.UnitDirectory;
import org.linli.observability.Log;
import org.linli.views.kpi.KpiViews;
import org.linli.wiring.Wiring;

/**
 * KPIs (docs/kpis.md): one unit's month (one GetItem), the ranking of a node's children or of the
 * root's departments in a month (one Query), a unit's months of a year (one Query) - each as JSON
 * or, with {@code format=csv}, as a CSV file Excel opens with its Chinese intact - and the
 * administrators' recompute of a month.
 */
public final class KpisApi extends ApiHandler {
    private static final int RECOMPUTE_PAGE = 100;

    private final KpiStore store;
    private final UnitDirectory units;
    private final KpiRecompute recompute;
    private final KpiSettings settings;

    public KpisApi() {
        this(Wiring.current());
    }

    private KpisApi(Wiring w) {
        this(w.kpiStore(), w.units(), w.caseTrails(), w.kpiSettings(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public KpisApi(KpiStore store, UnitDirectory units, CaseTrails trails, KpiSettings settings, Clock clock) {
        super(clock);
        this.store = store;
        this.units = units;
        this.recompute = new KpiRecompute(trails, store);
        this.settings = settings;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("GET /kpis/{unit}", Access.staff().covering("unit"), this::one),
                Route.of("GET /kpis/{unit}/ranking", Access.staff().covering("unit"), this::ranking),
                Route.of("GET /kpis/{unit}/months", Access.staff().covering("unit"), this::months),
                Route.of("POST /kpis/recompute", Access.roles(Role.ADMIN).system(), this::recompute));
    }

    private ApiResponse one(ApiRequest request) {
        UnitDirectory.UnitInfo info = visible(request);
        YearMonth month = month(request);
        Optional<KpiStore.Stored> s = store.unit(info.code(), month);
        KpiViews.Row row = new KpiViews.Row(info.code(), info, month.toString(),
                Figures.of(s.map(KpiStore.Stored::tally).orElse(org.linli.kpi.Tally.ZERO), settings), null);
        if (csv(request)) return ApiResponse.csv(KpiViews.csv(List.of(row), false), "kpi-" + info.code() + "-" + month + ".csv");
        return ApiResponse.ok(KpiViews.json(row, false));
    }

    private ApiResponse ranking(ApiRequest request) {
        UnitDirectory.UnitInfo parent = visible(request);
        YearMonth month = month(request);
        String among = request.query("among").orElse("children");
        String rankParent;
        if (among.equals("children")) {
            if (parent.kind() == Unit.Kind.DEPARTMENT) throw ValidationFailed.of("unit", "a department has no children to rank");
            rankParent = parent.code();
        } else if (among.equals("departments")) {
            if (parent.kind() != Unit.Kind.NODE || parent.path().size() != 1) {
                throw ValidationFailed.of("among", "departments are ranked under the map's root (" + units.root() + ")");
            }
            rankParent = Unit.departmentsOf(parent.code());
        } else {
            throw ValidationFailed.of("among", "must be children or departments");
        }
        List<KpiStore.Stored> stored = store.ranked(rankParent, month);
        Map<String, UnitDirectory.UnitInfo> infos = units.find(stored.stream().map(s -> s.unit().code()).toList());
        List<Ranking.Row> rows = new ArrayList<>();
        Map<String, KpiStore.Stored> byCode = new HashMap<>();
        for (KpiStore.Stored s : stored) {
            byCode.put(s.unit().code(), s);
            rows.add(new Ranking.Row(s.unit().code(), Figures.of(s.tally(), settings), null));
        }
        List<KpiViews.Row> ranked = new ArrayList<>();
        for (Ranking.Row r : Ranking.rank(rows)) {
            ranked.add(new KpiViews.Row(r.code(), info(infos.get(r.code()), byCode.get(r.code())), month.toString(), r.figures(), r.rank()));
        }
        if (csv(request)) {
            return ApiResponse.csv(KpiViews.csv(ranked, true), "kpi-ranking-" + parent.code() + "-" + among + "-" + month + ".csv");
        }
        ObjectNode body = Json.object();
        body.set("parent", KpiViews.json(new KpiViews.Row(parent.code(), parent, month.toString(),
                Figures.of(org.linli.kpi.Tally.ZERO, settings), null), false).get("unit"));
        body.put("month", month.toString());
        body.put("among", among);
        ArrayNode items = body.putArray("items");
        ranked.forEach(r -> items.add(KpiViews.json(r, true)));
        return ApiResponse.ok(body);
    }

    private ApiResponse months(ApiRequest request) {
        UnitDirectory.UnitInfo info = visible(request);
        Year year;
        try {
            year = request.query("year").map(Year::parse).orElse(Year.from(clock.instant().atZone(org.linli.core.Times.CHINA)));
        } catch (DateTimeParseException e) {
            throw ValidationFailed.of("year", "must be a year: YYYY");
        }
        // Year.parse takes "-1" and "+99999": no KPI was ever kept outside these years.
        if (year.getValue() < 2000 || year.getValue() > 2100) throw ValidationFailed.of("year", "must be a year between 2000 and 2100");
        List<KpiViews.Row> rows = new ArrayList<>();
        for (KpiStore.Stored s : store.months(info.code(), year)) {
            rows.add(new KpiViews.Row(info.code(), info, s.month().toString(), Figures.of(s.tally(), settings), null));
        }
        if (csv(request)) return ApiResponse.csv(KpiViews.csv(rows, false), "kpi-" + info.code() + "-" + year + ".csv");
        ObjectNode body = Json.object();
        body.put("year", year.getValue());
        ArrayNode items = body.putArray("items");
        rows.forEach(r -> items.add(KpiViews.json(r, false)));
        return ApiResponse.ok(body);
    }

    /** {@code {"month": "2026-11", "cursor": null, "repair": true}}: one page of the month's cases; the last page checks (and repairs) every unit. */
    private ApiResponse recompute(ApiRequest request) {
        JsonInput in = JsonInput.root(request.body(), Set.of("month", "cursor", "repair"));
        YearMonth month = in.requiredMonth("month");
        String cursor = in.optionalString("cursor", 1, 2048, JsonInput.TextRule.SINGLE_LINE);
        Boolean repair = in.optionalBoolean("repair");
        in.throwIfInvalid();
        KpiRecompute.Run run = recompute.run(month, cursor, RECOMPUTE_PAGE, Boolean.TRUE.equals(repair));
        Log.info("kpi.recompute", "month", month, "cases", run.cases(), "refolded", run.refolded(),
                "differences", run.differences().size(), "repaired", run.repaired(), "definitions", CaseFacts.DEFINITIONS);
        ObjectNode body = Json.object();
        body.put("month", month.toString());
        body.put("cases", run.cases());
        body.put("refolded", run.refolded());
        if (run.nextCursor() == null) body.putNull("nextCursor"); else body.put("nextCursor", run.nextCursor());
        ArrayNode diffs = body.putArray("differences");
        for (KpiRecompute.Difference d : run.differences()) {
            ObjectNode o = diffs.addObject();
            o.put("unit", d.unit());
            ObjectNode stored = o.putObject("stored");
            d.stored().forEach((k, v) -> stored.put(k.wire(), v));
            ObjectNode expected = o.putObject("expected");
            d.expected().forEach((k, v) -> expected.put(k.wire(), v));
        }
        body.put("repaired", run.repaired());
        return ApiResponse.ok(body);
    }

    /** The unit named in the path, if the caller's scope covers it (KpiReaders): 404 unknown, 403 outside his territory. */
    private UnitDirectory.UnitInfo visible(ApiRequest request) {
        return KpiReaders.visible(request.principal(), units, request.pathParam("unit"));
    }

    private static UnitDirectory.UnitInfo info(UnitDirectory.UnitInfo found, KpiStore.Stored s) {
        if (found != null) return found;
        // A node of an older map: named by what the plan stored, if anything.
        return new UnitDirectory.UnitInfo(s.unit().code(), s.name(), s.level(), s.unit().kind(), s.unit().path());
    }

    private YearMonth month(ApiRequest request) {
        try {
            return request.query("month").map(YearMonth::parse).orElse(CaseFacts.monthOf(clock.instant()));
        } catch (DateTimeParseException e) {
            throw ValidationFailed.of("month", "must be a month: YYYY-MM");
        }
    }

    private static boolean csv(ApiRequest request) {
        String f = request.query("format").orElse("json");
        if (f.equals("csv")) return true;
        if (f.equals("json")) return false;
        throw ValidationFailed.of("format", "must be json or csv");
    }
}
