package org.linli.territory.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.core.Conflict;
import org.linli.geo.Datum;
import org.linli.json.Json;
import org.linli.territory.Level;
import org.linli.territory.MapInfo;
import org.linli.territory.MapPublisher;
import org.linli.territory.Roster;
import org.linli.territory.TerritoryRegistry;
import org.linli.territory.TerritoryRepository;
import org.linli.territory.imports.ImportProblem.Kind;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Runs one committed import: claim it, read its parts, validate, and either refuse it (nothing is
 * written but the job's problems) or publish a new map version and then the rosters, reporting
 * progress on the job as it goes. Safe to run twice for one job: a finished job is left alone, a
 * running one is not entered, and a publication interrupted halfway resumes on the version it
 * reserved (every write is a put on a versioned key).
 */
public final class ImportRunner {
    /** Why a run ended: DONE (finished now or before), BUSY (another attempt is at it: try later), MISSING. */
    public enum Outcome { DONE, BUSY, MISSING }

    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private final ImportJobs jobs;
    private final TerritoryRegistry registry;
    private final TerritoryRepository repository;
    private final Clock clock;
    private final Duration progressInterval;
    private final LedgerImports ledgers;

    /**
     * What validates and stores a community's register ledger (registers.LedgerImport): a port, so
     * that the one import pipeline (jobs, parts, queue, progress, problems) serves ledgers too
     * without the territory knowing the registers.
     */
    public interface LedgerImports {
        /** Validates the ledger's rows and, unless a dry run, stores the valid households; reports progress on {@code meter}. */
        Result run(ImportJob.Ledger ledger, String csv, ProgressMeter meter);

        /** Valid households and residents (stored, or that would be on a dry run) and the problems of the rows left out. */
        record Result(int households, int residents, List<ImportProblem> problems) {}
    }

    private final List<RowImport> others;

    public ImportRunner(ImportJobs jobs, TerritoryRegistry registry, TerritoryRepository repository, Clock clock,
                        Duration progressInterval) {
        this(jobs, registry, repository, clock, progressInterval, null, List.of());
    }

    /**
     * With a community's register ledger import (null: this worker has none) and the imports of other kinds
     * ({@link RowImport}) a job of their parts is handed to.
     */
    public ImportRunner(ImportJobs jobs, TerritoryRegistry registry, TerritoryRepository repository, Clock clock,
                        Duration progressInterval, LedgerImports ledgers, List<RowImport> others) {
        this.ledgers = ledgers;
        this.others = List.copyOf(others);
        this.jobs = jobs;
        this.registry = registry;
        this.repository = repository;
        this.clock = clock;
        this.progressInterval = progressInterval;
    }

    public Outcome run(String jobId) {
        Optional<ImportJob> claimed = jobs.claim(jobId, clock.instant(), STALE_AFTER);
        if (claimed.isEmpty()) {
            Optional<ImportJob> job = jobs.find(jobId);
            if (job.isEmpty()) return Outcome.MISSING;
            return job.get().state().finished() || job.get().state() == ImportJob.State.OPEN ? Outcome.DONE : Outcome.BUSY;
        }
        ImportJob job = claimed.get();
        Instant started = clock.instant();
        try {
            execute(job, started);
            return Outcome.DONE;
        } catch (ImportJobs.LostClaim e) {
            return Outcome.BUSY;
        } catch (org.linli.core.StoreUnavailable e) {
            throw e; // transient: the message is retried and the run resumes
        } catch (RuntimeException e) {
            jobs.fail(job.id(), job.attempt(), e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
            throw e;
        }
    }

    private void execute(ImportJob job, Instant started) {
        List<ImportPart.Content> parts = jobs.parts(job.id());
        if (job.ledger() != null) {
            runLedger(job, parts, started);
            return;
        }
        for (RowImport other : others) {
            if (!parts.isEmpty() && parts.stream().allMatch(p -> p.part().kind() == other.kind())) {
                ProgressMeter meter = new ProgressMeter(clock, progressInterval, 3, p -> jobs.progress(job.id(), job.attempt(), p));
                RowImport.Result r = other.run(parts, meter);
                jobs.publish(job.id(), job.attempt(), null, ImportJob.Summary.ofOrders(r.taken(), r.takenBefore(),
                        Duration.between(started, clock.instant()).toMillis()), r.problems(), clock.instant());
                return;
            }
        }
        boolean territory = parts.stream().anyMatch(p -> p.part().kind() == ImportPart.Kind.TERRITORY);
        ProgressMeter meter = new ProgressMeter(clock, progressInterval, territory ? 5 : 3,
                p -> jobs.progress(job.id(), job.attempt(), p));
        List<ImportProblem> problems = new ArrayList<>();
        GeometryFactory factory = new GeometryFactory();
        TerritoryValidator validator = new TerritoryValidator(TerritoryValidator.Options.defaults(job.datum(),
                job.cellPrecision(), job.admin() ? null : job.scope()), factory);

        meter.phase("reading", parts.size(), "parts");
        GeoJsonTerritory reader = new GeoJsonTerritory(factory, job.datum(), Datum.GCJ02);
        List<ImportedFeature> features = new ArrayList<>();
        StringBuilder buildings = new StringBuilder();
        StringBuilder rosters = new StringBuilder();
        for (ImportPart.Content c : parts) {
            switch (c.part().kind()) {
                case TERRITORY -> {
                    try {
                        features.addAll(reader.read(Json.parse(c.text()), features.size(), problems));
                    } catch (Json.MalformedJson e) {
                        problems.add(ImportProblem.whole(ImportProblem.TERRITORY, Kind.INVALID_FORMAT,
                                "part " + c.part().id() + " is not valid JSON: " + e.getMessage()));
                    }
                }
                case BUILDINGS -> appendCsv(buildings, c.text());
                case ROSTERS -> appendCsv(rosters, c.text());
                case HOUSEHOLDS -> problems.add(ImportProblem.whole(ImportProblem.TERRITORY, Kind.INVALID_FORMAT,
                        "part " + c.part().id() + " is a register ledger: import it with its community's register"));
                case ORDERS -> problems.add(ImportProblem.whole(ImportProblem.TERRITORY, Kind.INVALID_FORMAT,
                        "part " + c.part().id() + ": work orders are imported alone, not with a territory"));
            }
            meter.advance(1);
        }
        List<Csv.Row> buildingRows = buildings.isEmpty() ? List.of() : TerritoryValidator.buildingRows(buildings.toString(), problems);
        List<Csv.Row> rosterRows = rosters.isEmpty() ? List.of() : TerritoryValidator.rosterRows(rosters.toString(), problems);

        if (!territory) {
            runRostersOnly(job, validator, rosterRows, problems, meter, started);
            return;
        }
        TerritoryValidator.Result result = validator.validate(features, buildingRows, rosterRows, problems, meter);
        if (!result.valid()) {
            jobs.refuse(job.id(), job.attempt(), result.problems(), clock.instant());
            return;
        }
        int version = job.mapVersion() != null ? job.mapVersion() : reserve(job);
        MapPublisher.Publication pub = new MapPublisher(repository).publish(version, result.map(), meter);
        saveRosters(result.rosters(), meter);
        jobs.publish(job.id(), job.attempt(), version, new ImportJob.Summary(pub.nodes(), pub.compounds(), pub.cells(),
                pub.buildings(), result.rosters().size(), pub.items() + result.rosters().size(), pub.cellEntries(),
                pub.maxCellEntries(), Duration.between(started, clock.instant()).toMillis()), clock.instant());
    }

    private void runRostersOnly(ImportJob job, TerritoryValidator validator, List<Csv.Row> rows, List<ImportProblem> problems,
                                ProgressMeter meter, Instant started) {
        MapInfo current = registry.currentMap();
        meter.phase("validating", rows.size(), "rows");
        Map<String, Level> levels = registry.levels(current.version(), TerritoryValidator.rosterNodes(rows));
        TerritoryValidator.Result result = validator.validateRosters(rows, levels, problems);
        meter.advance(rows.size());
        if (!result.valid()) {
            jobs.refuse(job.id(), job.attempt(), result.problems(), clock.instant());
            return;
        }
        saveRosters(result.rosters(), meter);
        jobs.publish(job.id(), job.attempt(), current.version(), new ImportJob.Summary(0, 0, 0, 0, result.rosters().size(),
                result.rosters().size(), 0, 0, Duration.between(started, clock.instant()).toMillis()), clock.instant());
    }

    /** A register ledger: its rows validated, the good ones stored (unless a dry run), the bad ones reported. */
    private void runLedger(ImportJob job, List<ImportPart.Content> parts, Instant started) {
        if (ledgers == null) throw new IllegalStateException("this worker was built without the registers' ledger import");
        ProgressMeter meter = new ProgressMeter(clock, progressInterval, 2, p -> jobs.progress(job.id(), job.attempt(), p));
        StringBuilder csv = new StringBuilder();
        for (ImportPart.Content c : parts) if (c.part().kind() == ImportPart.Kind.HOUSEHOLDS) appendCsv(csv, c.text());
        LedgerImports.Result r = ledgers.run(job.ledger(), csv.toString(), meter);
        int stored = job.ledger().dryRun() ? 0 : r.households();
        jobs.publish(job.id(), job.attempt(), null, ImportJob.Summary.ofLedger(stored, r.households(), r.residents(),
                Duration.between(started, clock.instant()).toMillis()), r.problems(), clock.instant());
    }

    private int reserve(ImportJob job) {
        String note = job.note() == null ? "import " + job.id() : job.note() + " (import " + job.id() + ")";
        for (int attempt = 1; ; attempt++) {
            try {
                int version = new MapPublisher(repository).reserve(note);
                jobs.recordVersion(job.id(), job.attempt(), version);
                return version;
            } catch (Conflict e) {
                if (attempt >= 3) throw e; // another import keeps taking the number: the message is retried later
            }
        }
    }

    private void saveRosters(List<Roster> rosters, ProgressMeter meter) {
        meter.phase("rosters", rosters.size(), "rosters");
        for (int i = 0; i < rosters.size(); i += MapPublisher.CHUNK) {
            List<Roster> chunk = rosters.subList(i, Math.min(rosters.size(), i + MapPublisher.CHUNK));
            repository.saveRosters(chunk);
            meter.advance(chunk.size());
        }
    }

    /** The CSV slices of an import as one file: the header of every slice after the first dropped. */
    public static String joinCsv(List<ImportPart.Content> parts) {
        StringBuilder all = new StringBuilder();
        for (ImportPart.Content c : parts) appendCsv(all, c.text());
        return all.toString();
    }

    /** CSV parts after the first repeat the header: it is dropped so that line numbers run on. */
    private static void appendCsv(StringBuilder all, String part) {
        if (all.isEmpty()) {
            all.append(part);
        } else {
            int nl = part.indexOf('\n');
            if (nl >= 0) all.append(part, nl + 1, part.length());
        }
        if (!all.isEmpty() && all.charAt(all.length() - 1) != '\n') all.append('\n');
    }
}
