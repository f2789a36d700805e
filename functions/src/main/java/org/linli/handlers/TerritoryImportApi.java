package org.linli.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Set;
import org.linli.core.Conflict;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.ValidationFailed;
import org.linli.geo.Datum;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.json.JsonInput;
import org.linli.territory.imports.GeoJsonTerritory;
import org.linli.territory.imports.ImportJob;
import org.linli.territory.imports.ImportJobs;
import org.linli.territory.imports.ImportPart;
import org.linli.territory.imports.ImportQueue;
import org.linli.views.territory.TerritoryViews;
import org.linli.wiring.Wiring;

/**
 * Staff imports of a territory - or of a 12345 hotline's daily export of work orders (parts
 * {@code orders-NNNN}, docs/hotline.md): create a job, upload its parts (a province does not fit in
 * one request), commit it to the import queue, poll its progress and its problems. The work itself
 * is the ImportWorker's.
 */
public final class TerritoryImportApi extends ApiHandler {
    /**
     * A part's body, at most: Lambda takes 6 MB per synchronous invocation, and the body travels
     * inside the event as an escaped string. The CLI cuts parts of about 3 MB.
     */
    public static final int MAX_PART_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_CELL_PRECISION = 7;
    private static final Access IMPORTERS = Access.roles(Role.ADMIN, Role.DISTRICT_STAFF).object();

    private final ImportJobs jobs;
    private final ImportQueue queue;

    public TerritoryImportApi() {
        this(Wiring.current());
    }

    private TerritoryImportApi(Wiring w) {
        this(w.importJobs(), w.importQueue(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public TerritoryImportApi(ImportJobs jobs, ImportQueue queue, Clock clock) {
        super(clock);
        this.jobs = jobs;
        this.queue = queue;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /territory/imports", IMPORTERS, this::create),
                Route.of("PUT /territory/imports/{jobId}/parts/{partId}", IMPORTERS, this::putPart).withMaxBody(MAX_PART_BYTES),
                Route.of("POST /territory/imports/{jobId}/commit", IMPORTERS, this::commit),
                Route.of("GET /territory/imports/{jobId}", IMPORTERS, this::get));
    }

    private ApiResponse create(ApiRequest request) {
        Principal me = request.principal();
        JsonInput in = JsonInput.root(request.body(), Set.of("note", "datum", "cellPrecision"));
        String note = in.optionalString("note", 1, 200, JsonInput.TextRule.SINGLE_LINE);
        String datumText = in.optionalString("datum", 1, 10, JsonInput.TextRule.SINGLE_LINE);
        Datum datum = Datum.GCJ02;
        if (datumText != null) {
            try {
                datum = Datum.valueOf(datumText);
            } catch (IllegalArgumentException e) {
                in.error("datum", "must be GCJ02 (maps drawn in China) or WGS84");
            }
        }
        // Geohash-7 cells (~150 m) hold a dozen micro-grids each: a 4 KB read (docs/performance.md).
        int precision = DEFAULT_CELL_PRECISION;
        JsonNode p = request.body().get("cellPrecision");
        if (p != null && !p.isNull()) {
            if (p.isInt() && p.intValue() >= 5 && p.intValue() <= 8) precision = p.intValue();
            else in.error("cellPrecision", "must be a geohash length from 5 to 8");
        }
        in.throwIfInvalid();
        ImportJob job = ImportJob.open(Ids.random("imp", clock.instant()), me.userId(), me.isAdmin(), me.nodesOf(Role.DISTRICT_STAFF), datum,
                precision, note, clock.instant());
        jobs.create(job);
        return ApiResponse.created(TerritoryViews.importJob(job), "/territory/imports/" + job.id());
    }

    private ApiResponse putPart(ApiRequest request) {
        ImportJob job = mine(request);
        String partId = request.pathParam("partId");
        ImportPart part = ImportPart.parse(partId);
        if (part == null) {
            throw ValidationFailed.of("partId", "must be territory-NNNN, buildings-NNNN, rosters-NNNN or orders-NNNN (NNNN from 0001)");
        }
        if (job.state() != ImportJob.State.OPEN) throw notOpen(job);
        JsonNode body = request.body();
        String content;
        ObjectNode answer = Json.object().put("jobId", job.id()).put("partId", part.id());
        if (part.kind() == ImportPart.Kind.TERRITORY) {
            JsonNode features = GeoJsonTerritory.features(body);
            if (features == null) throw ValidationFailed.of("", "a territory part must be a GeoJSON FeatureCollection with a features array");
            content = Json.write(body);
            answer.put("features", features.size());
        } else {
            JsonInput in = JsonInput.root(body, Set.of("csv"));
            // One JSON string: the parser takes at most 1,000,000 characters (Json), so CSV parts are smaller.
            content = in.requiredString("csv", 1, 1_000_000, JsonInput.TextRule.MULTI_LINE);
            in.throwIfInvalid();
            answer.put("lines", content.lines().count());
        }
        jobs.putPart(job.id(), part, content);
        answer.put("bytes", content.length());
        return ApiResponse.ok(answer);
    }

    private ApiResponse commit(ApiRequest request) {
        ImportJob job = mine(request);
        if (job.state() == ImportJob.State.OPEN) {
            long orders = job.partsOf(ImportPart.Kind.ORDERS);
            if (orders > 0 && orders < job.parts().size()) {
                throw ValidationFailed.of("parts", "work orders (orders-NNNN) are imported alone: no territory, buildings or rosters parts with them");
            }
            if (orders == 0 && job.partsOf(ImportPart.Kind.TERRITORY) == 0 && job.partsOf(ImportPart.Kind.ROSTERS) == 0) {
                throw ValidationFailed.of("parts", "upload at least one territory part (or rosters alone) before committing");
            }
            if (job.partsOf(ImportPart.Kind.TERRITORY) == 0 && job.partsOf(ImportPart.Kind.BUILDINGS) > 0) {
                throw ValidationFailed.of("parts", "buildings belong to a map version: import them with their territory");
            }
            job = jobs.commit(job.id(), clock.instant());
        }
        // Committed (now or by an earlier try whose send may have failed): (re)send. The worker
        // runs a job once however many messages name it.
        if (job.state() == ImportJob.State.QUEUED) queue.send(job.id());
        return ApiResponse.accepted(TerritoryViews.importJob(job), "/territory/imports/" + job.id());
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(TerritoryViews.importJob(mine(request)));
    }

    /** The job, if the caller created it (or administers the system); 404 otherwise. */
    private ImportJob mine(ApiRequest request) {
        String id = request.pathParam("jobId");
        if (!Ids.looksLike(id, "imp")) throw new NotFound("import", id);
        ImportJob job = jobs.find(id).orElseThrow(() -> new NotFound("import", id));
        Principal me = request.principal();
        if (!me.isAdmin() && !job.createdBy().equals(me.userId())) throw new NotFound("import", id);
        return job;
    }

    private static Conflict notOpen(ImportJob job) {
        return new Conflict("IMPORT_NOT_OPEN", "Import " + job.id() + " is " + job.state() + "; parts can no longer change.",
                java.util.Map.of("state", job.state().name()));
    }

}
