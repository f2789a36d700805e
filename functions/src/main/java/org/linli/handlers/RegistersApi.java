package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.ValidationFailed;
import org.linli.core.format.Phone;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.identity.Role;
import org.linli.json.JsonInput;
import org.linli.observability.Log;
import org.linli.privacy.AccessEntry;
import org.linli.privacy.Disclosed;
import org.linli.registers.Household;
import org.linli.registers.IdNumber;
import org.linli.registers.Registers;
import org.linli.registers.Resident;
import org.linli.registers.Rhythm;
import org.linli.registers.Visit;
import org.linli.registers.Visits;
import org.linli.categories.Categories;
import org.linli.json.Json;
import java.time.YearMonth;
import org.linli.territory.imports.ImportJob;
import org.linli.territory.imports.ImportJobs;
import org.linli.territory.imports.ImportPart;
import org.linli.territory.imports.ImportQueue;
import org.linli.views.Views;
import org.linli.views.registers.RegisterViews;
import org.linli.views.territory.TerritoryViews;
import org.linli.wiring.Wiring;

/**
 * Households and care registers (docs/registers.md): a community's list (masked), one household
 * (whole for the community's staff and the bound 包联 person, recorded in the access log; masked
 * for other staff of its territory), a new household, the 包联 binding, a worker's own bound
 * households, the ledger import (through the territory import's pipeline: jobs, parts, the
 * import queue and worker, progress and problems) with its dry run, and the ledger export (CSV, whole, recorded).
 * Nothing sensitive is logged: ids, counts and states only.
 */
public final class RegistersApi extends ApiHandler {
    /** Who reaches the routes at all: staff and party members (a 包联 person may be one); residents get 403. */
    private static final Access READERS;

    static {
        java.util.EnumSet<Role> roles = java.util.EnumSet.copyOf(Access.staff().roles());
        roles.add(Role.VOLUNTEER);
        READERS = new Access(true, roles, Access.Scope.UNSTATED, null);
    }

    private static final Access KEEPERS = Access.roles(Role.COMMUNITY_STAFF).community("code");
    private static final Pattern UNIT_ROOM = Pattern.compile("[0-9A-Za-z\\-一-龥]{1,10}");
    /** A category's code or name: no control characters, not blank. */
    private static final Pattern CARE = Pattern.compile("[^\\p{Cntrl}\\s][^\\p{Cntrl}]*");
    private static final Pattern USER_ID = Pattern.compile("usr_[A-Za-z0-9_-]{1,60}");
    /** A ledger in one request: 500 households of three residents are about 100 KB; the part limit allows 40 times more. */
    public static final int MAX_LEDGER_BYTES = TerritoryImportApi.MAX_PART_BYTES;

    private final Registers registers;
    private final Visits visits;
    private final Categories categories;
    private final ImportJobs jobs;
    private final ImportQueue queue;

    public RegistersApi() {
        this(Wiring.current());
    }

    private RegistersApi(Wiring w) {
        this(w.registers(), w.visits(), w.categories(), w.importJobs(), w.importQueue(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public RegistersApi(Registers registers, Visits visits, Categories categories, ImportJobs jobs, ImportQueue queue, Clock clock) {
        super(clock);
        this.categories = categories;
        this.registers = registers;
        this.visits = visits;
        this.jobs = jobs;
        this.queue = queue;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("GET /communities/{code}/households", READERS.community("code"), this::list),
                Route.of("POST /communities/{code}/households", KEEPERS, this::create),
                Route.of("GET /communities/{code}/households/{householdId}", READERS.community("code"), this::get).personal(),
                Route.of("POST /communities/{code}/households/{householdId}/binding", KEEPERS, this::bind),
                Route.of("GET /me/households", READERS.own(), this::mine),
                Route.of("POST /communities/{code}/household-imports", KEEPERS, this::importLedger).withMaxBody(MAX_LEDGER_BYTES),
                Route.of("GET /communities/{code}/household-imports/{jobId}", KEEPERS, this::importJob),
                Route.of("GET /communities/{code}/household-ledger", KEEPERS, this::export).personal(),
                Route.of("POST /communities/{code}/households/{householdId}/visits", READERS.community("code"), this::visit),
                Route.of("GET /me/visits-due", READERS.own(), this::visitsDue),
                Route.of("GET /communities/{code}/visit-supervision", READERS.community("code"), this::supervision),
                Route.of("POST /communities/{code}/visit-recompute", Access.roles(Role.ADMIN).system(), this::recomputeVisits));
    }

    private ApiResponse list(ApiRequest r) {
        String code = community(r);
        return ApiResponse.ok(Views.page(registers.list(r.principal(), code, r.limit(50, 200), r.cursor()), RegisterViews::listing));
    }

    private ApiResponse mine(ApiRequest r) {
        return ApiResponse.ok(Views.page(registers.mine(r.principal(), r.limit(50, 200), r.cursor()), RegisterViews::listing));
    }

    private ApiResponse get(ApiRequest r) {
        String code = community(r);
        String id = r.pathParam("householdId");
        if (!Ids.looksLike(id, "hh")) throw new NotFound("household", id);
        Registers.Reading reading = registers.read(r.principal(), code, id);
        if (reading.whole()) {
            r.disclosed(new Disclosed(List.of(AccessEntry.subject("household", id), AccessEntry.subject("households", code)),
                    AccessEntry.Purpose.REGISTER, null));
        }
        Log.info("registers.read", "householdId", id, "whole", reading.whole(), "requestId", r.requestId());
        return ApiResponse.ok(RegisterViews.household(reading.household(), reading.whole(), registers.categories()));
    }

    private ApiResponse create(ApiRequest r) {
        String code = community(r);
        JsonInput in = JsonInput.root(r.body(), Set.of("buildingCode", "unit", "room", "members", "careCategories"));
        String building = in.requiredString("buildingCode", 1, 80, JsonInput.TextRule.SINGLE_LINE);
        String unit = in.optionalMatch("unit", UNIT_ROOM, "must be 1-10 letters, digits or characters");
        String room = in.optionalMatch("room", UNIT_ROOM, "must be 1-10 letters, digits or characters");
        List<Resident> members = new ArrayList<>();
        List<JsonInput> given = in.optionalObjectList("members", 30, Set.of("name", "idNumber", "phone", "relation"));
        if (given.isEmpty()) in.error("members", "must list at least one resident (the head of the household first)");
        for (int i = 0; i < given.size(); i++) {
            JsonInput m = given.get(i);
            String name = m.requiredString("name", 1, 50, JsonInput.TextRule.SINGLE_LINE);
            String idText = IdNumber.normalise(m.requiredString("idNumber", 1, 18, JsonInput.TextRule.SINGLE_LINE));
            // The rule, never the value: an ID number must not come back in an error (nor reach a log through one).
            if (idText != null && !IdNumber.valid(idText)) in.error("members[" + i + "].idNumber", "is not a valid GB 11643 ID number");
            String phone = Phone.normalise(m.optionalString("phone", 1, Phone.MAX_GIVEN, JsonInput.TextRule.SINGLE_LINE));
            if (phone != null && !Phone.valid(phone)) in.error("members[" + i + "].phone", Phone.RULE);
            String relation = m.optionalString("relation", 1, 20, JsonInput.TextRule.SINGLE_LINE);
            members.add(new Resident(name, idText, phone, relation == null ? (i == 0 ? "户主" : "家庭成员") : relation));
        }
        List<String> care = in.optionalStringList("careCategories", 10, 40, CARE, "must be a care category (its code or its name)");
        List<String> unknown = new ArrayList<>();
        Set<String> codes = registers.careCodes(care == null ? List.of() : care, unknown);
        if (!unknown.isEmpty()) in.error("careCategories", "holds " + unknown.size() + " value(s) that are not configured care categories");
        in.throwIfInvalid();
        String id = Ids.random("hh", clock.instant());
        Household h = registers.create(r.principal(), code, id, new Registers.Draft(building, unit, room, members, codes));
        Log.info("registers.created", "householdId", id, "community", code, "members", members.size(), "requestId", r.requestId());
        return ApiResponse.created(RegisterViews.listing(h.listing()), "/communities/" + code + "/households/" + id);
    }

    private ApiResponse bind(ApiRequest r) {
        String code = community(r);
        String id = r.pathParam("householdId");
        if (!Ids.looksLike(id, "hh")) throw new NotFound("household", id);
        JsonInput in = JsonInput.root(r.body(), Set.of("userId", "rhythm"));
        String user = in.requiredMatch("userId", USER_ID, "must be a user id (usr_…)");
        Rhythm rhythm = in.optionalEnum("rhythm", Rhythm.class);
        in.throwIfInvalid();
        Registers.Rebinding rebinding = registers.rebind(r.principal(), code, id, user, rhythm);
        Household h = rebinding.after();
        visits.bound(rebinding.before(), h);
        Log.info("registers.bound", "householdId", id, "userId", user, "rhythm", h.binding().rhythm(), "requestId", r.requestId());
        return ApiResponse.ok(RegisterViews.listing(h.listing()));
    }

    private ApiResponse importLedger(ApiRequest r) {
        String code = community(r);
        registers.requireKeeper(r.principal(), code);
        JsonInput in = JsonInput.root(r.body(), Set.of("csv", "dryRun"));
        String csv = in.requiredString("csv", 1, 1_000_000, JsonInput.TextRule.MULTI_LINE);
        Boolean dry = in.optionalBoolean("dryRun");
        in.throwIfInvalid();
        registers.requireCommunity(code); // 404 for a community that is not on the map, before anything is stored
        ImportJob job = ImportJob.ledger(Ids.random("imp", clock.instant()), r.principal().userId(), code, Boolean.TRUE.equals(dry),
                clock.instant());
        jobs.create(job);
        jobs.putPart(job.id(), new ImportPart(ImportPart.Kind.HOUSEHOLDS, 1), csv);
        job = jobs.commit(job.id(), clock.instant());
        queue.send(job.id());
        Log.info("registers.import_queued", "jobId", job.id(), "community", code, "dryRun", job.ledger().dryRun(),
                "lines", csv.lines().count(), "requestId", r.requestId());
        ObjectNode body = TerritoryViews.importJob(job);
        return ApiResponse.accepted(body, "/communities/" + code + "/household-imports/" + job.id());
    }

    /** The ledger import's progress, its problems (line, 户号, column, never the value) and its counts. */
    private ApiResponse importJob(ApiRequest r) {
        String code = community(r);
        registers.requireKeeper(r.principal(), code);
        String id = r.pathParam("jobId");
        if (!Ids.looksLike(id, "imp")) throw new NotFound("import", id);
        ImportJob job = jobs.find(id).filter(j -> j.ledger() != null && j.ledger().community().equals(code)
                && j.createdBy().equals(r.principal().userId())).orElseThrow(() -> new NotFound("import", id));
        return ApiResponse.ok(TerritoryViews.importJob(job));
    }

    private ApiResponse export(ApiRequest r) {
        String code = community(r);
        List<Household> all = registers.export(r.principal(), code);
        r.disclosed(new Disclosed(List.of(AccessEntry.subject("households", code)), AccessEntry.Purpose.REGISTER_EXPORT, null));
        Log.info("registers.exported", "community", code, "households", all.size(), "requestId", r.requestId());
        return ApiResponse.csv(RegisterViews.ledger(all, registers.categories()), "households-" + code + ".csv");
    }

    /** {@code {"visitedAt", "note", "findings": [{"note", "report": {"category"}}]}}: a 包联 visit; findings may become reports. */
    private ApiResponse visit(ApiRequest r) {
        String code = community(r);
        String id = r.pathParam("householdId");
        if (!Ids.looksLike(id, "hh")) throw new NotFound("household", id);
        JsonInput in = JsonInput.root(r.body(), Set.of("visitedAt", "note", "findings"));
        var visitedAt = in.instant("visitedAt", true);
        String note = in.optionalString("note", 1, 1000, JsonInput.TextRule.MULTI_LINE);
        List<Visits.FindingDraft> findings = new ArrayList<>();
        for (JsonInput f : in.optionalObjectList("findings", 20, Set.of("note", "report"))) {
            String fNote = f.requiredString("note", 1, 1000, JsonInput.TextRule.MULTI_LINE);
            JsonInput report = f.optionalObject("report", Set.of("category"));
            String category = null;
            if (report != null) {
                category = report.requiredString("category", 1, 64, JsonInput.TextRule.SINGLE_LINE);
                if (category != null && !categories.contains(category)) {
                    report.error("category", "is not a known category");
                    category = null;
                }
            }
            findings.add(new Visits.FindingDraft(fNote, category));
        }
        in.throwIfInvalid();
        Visits.Logged logged = visits.log(r.principal(), code, id, new Visits.Draft(visitedAt, note, findings), Idempotency.key(r));
        Visit v = logged.visit();
        Log.info(logged.replayed() ? "registers.visit_replayed" : "registers.visited", "visitId", v.id(), "householdId", id,
                "credited", v.credited(), "reports", v.findings().stream().filter(f -> f.reportId() != null).count(),
                "requestId", r.requestId());
        ApiResponse out = ApiResponse.created(RegisterViews.visit(v), "/communities/" + code + "/households/" + id + "/visits/" + v.id());
        return logged.replayed() ? out.withHeader("Idempotent-Replayed", "true") : out;
    }

    /** {@code ?all=true} lists every bound household with its status; by default only those still due or overdue this period. */
    private ApiResponse visitsDue(ApiRequest r) {
        boolean all = QueryParams.flag(r, "all");
        ObjectNode body = Json.object();
        var items = body.putArray("items");
        visits.mine(r.principal(), all).forEach(d -> items.add(RegisterViews.due(d)));
        return ApiResponse.ok(body);
    }

    private ApiResponse supervision(ApiRequest r) {
        String code = community(r);
        ObjectNode body = Json.object();
        body.put("community", code);
        var items = body.putArray("items");
        visits.supervision(r.principal(), code).forEach(l -> items.addObject().put("userId", l.userId()).put("bound", l.bound())
                .put("done", l.done()).put("due", l.due()).put("overdue", l.overdue()));
        return ApiResponse.ok(body);
    }

    /** {@code {"month": "2026-12", "repair": true}}: the community's visit counters recomputed from the register and the visits. */
    private ApiResponse recomputeVisits(ApiRequest r) {
        String code = community(r);
        JsonInput in = JsonInput.root(r.body(), Set.of("month", "repair"));
        YearMonth month = in.requiredMonth("month");
        Boolean repair = in.optionalBoolean("repair");
        in.throwIfInvalid();
        Visits.Recomputed run = visits.recompute(code, month, Boolean.TRUE.equals(repair));
        Log.info("registers.visits_recomputed", "community", code, "month", month, "households", run.households(),
                "visits", run.visits(), "differences", run.differences().size(), "repaired", run.repaired(), "requestId", r.requestId());
        ObjectNode body = Json.object();
        body.put("community", code);
        body.put("month", month.toString());
        body.put("households", run.households());
        body.put("visits", run.visits());
        var diffs = body.putArray("differences");
        for (Visits.Difference d : run.differences()) {
            diffs.addObject().put("unit", d.unit()).put("storedDue", d.storedDue()).put("storedDone", d.storedDone())
                    .put("expectedDue", d.expectedDue()).put("expectedDone", d.expectedDone());
        }
        body.put("repaired", run.repaired());
        return ApiResponse.ok(body);
    }

    private static String community(ApiRequest r) {
        String code = r.pathParam("code");
        if (!org.linli.core.format.NodeCode.valid(code)) throw ValidationFailed.of("code", "is not a territory code");
        return code;
    }
}
