package org.linli.patrol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.core.Conflict;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.ValidationFailed;
import org.linli.identity.Principal;
import org.linli.kpi.CaseFacts;
import org.linli.kpi.UnitDirectory;
import org.linli.report.Contact;
import org.linli.report.ReportDraft;
import org.linli.report.ReportIntake;
import org.linli.report.Source;
import org.linli.territory.BuildingRecord;
import org.linli.territory.Level;
import org.linli.territory.TerritoryDirectory;

/**
 * Logs a patrol visit: places it (a building by its code; a micro-grid; a grid drawn without
 * micro-grids), checks the worker's scope covers it and that the time is plausible, files each
 * finding marked for reporting through {@link ReportIntake} (source PATROL, its own idempotency
 * key derived from the visit's), then stores the visit with its patrol counters in one transaction.
 * With an Idempotency-Key a retry finds the first visit and re-files nothing new.
 */
public final class PatrolLog {
    /** How late a visit may be logged: a worker catches up on paper notes within the week. */
    public static final Duration LATE_LIMIT = Duration.ofDays(7);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final TerritoryDirectory territory;
    private final UnitDirectory units;
    private final PatrolStore store;
    private final ReportIntake intake;
    private final int visitsPerUnit;
    private final Clock clock;

    public PatrolLog(TerritoryDirectory territory, UnitDirectory units, PatrolStore store, ReportIntake intake,
                     int visitsPerUnit, Clock clock) {
        this.territory = territory;
        this.units = units;
        this.store = store;
        this.intake = intake;
        this.visitsPerUnit = visitsPerUnit;
        this.clock = clock;
    }

    /** What logging did: the visit, and whether this call was a replay of an earlier one. */
    public record Logged(Patrol patrol, boolean replayed) {}

    public Logged log(Principal worker, PatrolDraft draft, String idempotencyKey) {
        Instant now = clock.instant();
        if (draft.visitedAt().isAfter(now.plus(CLOCK_SKEW))) throw ValidationFailed.of("visitedAt", "is in the future");
        if (draft.visitedAt().isBefore(now.minus(LATE_LIMIT))) {
            throw ValidationFailed.of("visitedAt", "is more than " + LATE_LIMIT.toDays() + " days ago; log visits within the week");
        }
        Place place = place(draft);
        if (!worker.covers(place.path())) throw new Forbidden("This place is outside your territory.");
        String id = idempotencyKey == null ? Ids.random("ptl", now) : Ids.derived("ptl", worker.userId(), idempotencyKey);
        List<Patrol.Finding> findings = new ArrayList<>();
        for (int i = 0; i < draft.findings().size(); i++) {
            PatrolDraft.FindingDraft f = draft.findings().get(i);
            String reportId = null;
            if (f.reportCategory() != null) {
                String building = f.reportPoint() == null && f.reportBuilding() == null ? draft.buildingCode() : f.reportBuilding();
                ReportDraft report = new ReportDraft(f.reportCategory(), f.note(), f.reportPoint(), building, f.photoKeys(),
                        new Contact(null, null), false, Source.PATROL);
                reportId = intake.submit(worker.userId(), true, report, "patrol:" + id + ":" + i).report().id();
            }
            findings.add(new Patrol.Finding(f.note(), f.photoKeys(), f.reportCategory(), reportId));
        }
        Patrol patrol = new Patrol(id, worker.userId(), place.unit(), place.path(), draft.buildingCode(), draft.visitedAt(),
                CaseFacts.monthOf(draft.visitedAt()), draft.note(), draft.photoKeys(), findings, false, now);
        PatrolStore.Recorded r = store.record(patrol, visitsPerUnit);
        if (r instanceof PatrolStore.Existing e) {
            Patrol first = e.patrol();
            if (!first.patrollerId().equals(worker.userId()) || !first.unit().equals(patrol.unit())
                    || !first.visitedAt().equals(patrol.visitedAt()) || first.findings().size() != findings.size()) {
                throw new Conflict("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different visit.",
                        Map.of("patrolId", first.id()));
            }
            return new Logged(first, true);
        }
        return new Logged(((PatrolStore.Stored) r).patrol(), false);
    }

    /** The patrol unit visited and its path. */
    private record Place(String unit, List<String> path) {}

    private Place place(PatrolDraft draft) {
        if (draft.buildingCode() != null) {
            BuildingRecord b = territory.building(territory.currentMap().version(), draft.buildingCode())
                    .orElseThrow(() -> ValidationFailed.of("place.buildingCode", "is not a building of the current map"));
            String unit = b.microGrid() != null ? b.microGrid().code() : b.grid().code();
            List<String> path = new ArrayList<>(b.path());
            if (!path.get(path.size() - 1).equals(unit)) path.add(unit);
            return new Place(unit, path);
        }
        String code = draft.microGrid() != null ? draft.microGrid() : draft.grid();
        String field = draft.microGrid() != null ? "place.microGrid" : "place.grid";
        UnitDirectory.UnitInfo info = units.find(List.of(code)).get(code);
        if (info == null || info.kind() != org.linli.kpi.Unit.Kind.NODE) throw ValidationFailed.of(field, "is not a node of the current map");
        if (draft.microGrid() != null && !Level.MICRO_GRID.name().equals(info.level())) {
            throw ValidationFailed.of(field, "is a " + info.level() + ", not a micro-grid");
        }
        if (draft.grid() != null) {
            if (!Level.GRID.name().equals(info.level())) throw ValidationFailed.of(field, "is a " + info.level() + ", not a grid");
            if (!units.children(code).isEmpty()) throw ValidationFailed.of(field, "is divided into micro-grids: name the micro-grid or the building");
        }
        return new Place(code, info.path());
    }

    public Patrol find(Principal me, String id) {
        Patrol p = store.find(id).orElseThrow(() -> new NotFound("patrol", id));
        if (!p.patrollerId().equals(me.userId()) && !me.covers(p.path())) throw new Forbidden("This visit is outside your territory.");
        return p;
    }
}
