package org.linli.registers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.core.Conflict;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.ValidationFailed;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.kpi.CaseFacts;
import org.linli.kpi.Unit;
import org.linli.patrol.Patrol;
import org.linli.report.Contact;
import org.linli.report.ReportDraft;
import org.linli.report.ReportIntake;
import org.linli.report.Source;

/**
 * 包联 visits (docs/registers.md, "Visits"): the bound person - or the community's staff - logs a
 * visit to a bound care household like a patrol (when, a note, findings; a finding marked for
 * reporting is filed through {@link ReportIntake} in the same step, at the household's building);
 * the worker's list of households due this period and the community's supervision list (due and
 * overdue per worker); the due counter of a newly bound household; and the recompute of a
 * community's visit counters from the register and the stored visits.
 */
public final class Visits {
    /** As for patrols: paper notes are caught up within the week. */
    public static final Duration LATE_LIMIT = Duration.ofDays(7);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Registers registers;
    private final HouseholdStore households;
    private final VisitStore store;
    private final ReportIntake intake;
    private final Clock clock;

    public Visits(Registers registers, HouseholdStore households, VisitStore store, ReportIntake intake, Clock clock) {
        this.registers = registers;
        this.households = households;
        this.store = store;
        this.intake = intake;
        this.clock = clock;
    }

    /** A visit as submitted. */
    public record Draft(Instant visitedAt, String note, List<FindingDraft> findings) {
        public Draft {
            findings = List.copyOf(findings);
        }
    }

    /** Something seen; {@code reportCategory} when it is to become a report (at the household's building). */
    public record FindingDraft(String note, String reportCategory) {}

    public record Logged(Visit visit, boolean replayed) {}

    public Logged log(Principal p, String community, String householdId, Draft d, String idempotencyKey) {
        Instant now = clock.instant();
        if (d.visitedAt().isAfter(now.plus(CLOCK_SKEW))) throw ValidationFailed.of("visitedAt", "is in the future");
        if (d.visitedAt().isBefore(now.minus(LATE_LIMIT))) {
            throw ValidationFailed.of("visitedAt", "is more than " + LATE_LIMIT.toDays() + " days ago; log visits within the week");
        }
        Household h = households.find(community, householdId).orElseThrow(() -> new NotFound("household", householdId));
        boolean bound = h.binding() != null && h.binding().userId().equals(p.userId());
        List<String> path = registers.pathOf(h);
        if (!bound && !Registers.keeper(p, community)) {
            if (p.isStaff() && p.covers(path)) throw new Forbidden("Only the person bound to this household, or the community's staff, log its visits.");
            throw new NotFound("household", householdId);
        }
        if (h.binding() == null) throw new Conflict("NOT_BOUND", "This household has no 包联 binding: bind it before logging visits.");
        String id = idempotencyKey == null ? Ids.random("vst", now) : Ids.derived("vst", p.userId(), idempotencyKey);
        List<Patrol.Finding> findings = new ArrayList<>();
        for (int i = 0; i < d.findings().size(); i++) {
            FindingDraft f = d.findings().get(i);
            String reportId = null;
            if (f.reportCategory() != null) {
                ReportDraft report = new ReportDraft(f.reportCategory(), f.note(), null, h.buildingCode(), List.of(),
                        new Contact(null, null), false, Source.PATROL);
                reportId = intake.submit(p.userId(), true, report, "visit:" + id + ":" + i).report().id();
            }
            findings.add(new Patrol.Finding(f.note(), List.of(), f.reportCategory(), reportId));
        }
        Visit v = new Visit(id, community, householdId, p.userId(), path, d.visitedAt(),
                VisitPeriods.dueMonth(h.binding().rhythm(), d.visitedAt()), d.note(), findings, false, now);
        VisitStore.Recorded r = store.record(v);
        if (r instanceof VisitStore.Existing e) {
            Visit first = e.visit();
            if (!first.visitorId().equals(p.userId()) || !first.householdId().equals(householdId)
                    || !first.visitedAt().equals(v.visitedAt())) {
                throw new Conflict("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different visit.",
                        Map.of("visitId", first.id()));
            }
            return new Logged(first, true);
        }
        return new Logged(((VisitStore.Stored) r).visit(), false);
    }

    /**
     * After a binding: a household bound for the first time is due in its current period, on every
     * node of its path (a re-binding changes the person, not what is due).
     */
    public void bound(Household before, Household after) {
        if (before.binding() != null || after.binding() == null) return;
        store.addDue(after.community(), after.id(), registers.pathOf(after), VisitPeriods.dueMonth(after.binding().rhythm(), clock.instant()));
    }

    /**
     * At the start of a month (the cycle's first step): every bound household of {@code community} whose period begins
     * in the month of {@code now} is counted due for it on every node of its path, once (the store's marker); a household
     * bound earlier this month was counted by its binding. Returns how many were counted now.
     */
    public static int periodsBegun(VisitStore store, java.util.function.BiFunction<String, String, List<String>> pathOf,
                                   String community, Instant now) {
        YearMonth month = CaseFacts.monthOf(now);
        Map<String, List<String>> paths = new HashMap<>();
        int counted = 0;
        for (VisitStore.BoundHousehold b : store.boundIn(community)) {
            Rhythm r = b.listing().rhythm();
            if (!VisitPeriods.start(r, month).equals(month)) continue;
            YearMonth due = VisitPeriods.dueMonth(r, month);
            if (b.duePeriod() != null && !b.duePeriod().isBefore(due)) continue;
            List<String> path = paths.computeIfAbsent(b.listing().buildingCode(), k -> pathOf.apply(community, k));
            if (store.addDue(community, b.listing().id(), path, due)) counted++;
        }
        return counted;
    }

    /** A bound household and where it stands this period. */
    public record Due(VisitStore.BoundHousehold household, VisitPeriods.Status status, YearMonth dueMonth) {}

    /** The caller's bound households not yet visited this period (overdue first), or all of them with {@code all}. */
    public List<Due> mine(Principal p, boolean all) {
        return dues(store.boundTo(p.userId()), all);
    }

    /** One worker's line of the supervision list. */
    public record WorkerLine(String userId, int bound, int done, int due, int overdue) {}

    /** The supervision list of a community: per bound worker, how many households are done, due and overdue this period. */
    public List<WorkerLine> supervision(Principal p, String community) {
        registers.requireCommunity(community);
        if (!p.isAdmin() && !Registers.keeper(p, community)
                && !p.covers(Role.STREET_STAFF, registers.communityPath(community))
                && !p.covers(Role.DISTRICT_STAFF, registers.communityPath(community))) {
            throw new Forbidden("The supervision list of " + community + " is for its community's and street's staff.");
        }
        Map<String, int[]> per = new LinkedHashMap<>();
        for (Due d : dues(store.boundIn(community), true)) {
            int[] n = per.computeIfAbsent(d.household().listing().boundTo(), k -> new int[4]);
            n[0]++;
            n[1 + d.status().ordinal()]++;
        }
        List<WorkerLine> out = new ArrayList<>();
        per.forEach((u, n) -> out.add(new WorkerLine(u, n[0], n[1], n[2], n[3])));
        out.sort(Comparator.comparingInt(WorkerLine::overdue).reversed().thenComparing(WorkerLine::userId));
        return out;
    }

    /** Per bound person, how many of {@code bound} are still to visit in the period holding {@code now} (the cycle's reminder). */
    public static Map<String, Integer> stillDue(List<VisitStore.BoundHousehold> bound, Instant now) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (VisitStore.BoundHousehold b : bound) {
            if (VisitPeriods.status(b.listing().rhythm(), b.boundSince(), b.lastVisitAt(), now) != VisitPeriods.Status.DONE) {
                out.merge(b.listing().boundTo(), 1, Integer::sum);
            }
        }
        return out;
    }

    private List<Due> dues(List<VisitStore.BoundHousehold> bound, boolean all) {
        Instant now = clock.instant();
        List<Due> out = new ArrayList<>();
        for (VisitStore.BoundHousehold b : bound) {
            Rhythm r = b.listing().rhythm();
            VisitPeriods.Status s = VisitPeriods.status(r, b.boundSince(), b.lastVisitAt(), now);
            if (all || s != VisitPeriods.Status.DONE) out.add(new Due(b, s, VisitPeriods.dueMonth(r, now)));
        }
        out.sort(Comparator.comparing((Due d) -> d.status() != VisitPeriods.Status.OVERDUE).thenComparing(d -> d.household().listing().id()));
        return out;
    }

    /** A unit whose stored visit counters differ from the register's and the visits'. */
    public record Difference(String unit, long storedDue, long storedDone, long expectedDue, long expectedDone) {}

    public record Recomputed(YearMonth month, int households, int visits, List<Difference> differences, int repaired) {}

    /**
     * Recomputes a community's visit counters of a month from the register and the stored visits:
     * due = the households bound (before the month ended) whose period ends in it, on every node of
     * their path inside the community; done = those with a visit in the period. Units above the
     * community (street, district) sum several communities and are not checked here. With
     * {@code repair} the differences are written back, conditional on the counters read.
     */
    public Recomputed recompute(String community, YearMonth month, boolean repair) {
        registers.requireCommunity(community);
        List<VisitStore.BoundHousehold> bound = store.boundIn(community);
        List<Visit> visits = store.visitsOf(community, month);
        Map<String, List<String>> paths = new HashMap<>();
        Map<String, long[]> expected = new LinkedHashMap<>();
        Map<String, Unit> units = new HashMap<>();
        java.util.Set<String> dueHouseholds = new java.util.HashSet<>();
        for (VisitStore.BoundHousehold b : bound) {
            Rhythm r = b.listing().rhythm();
            if (!VisitPeriods.endsIn(r, month) || b.boundSince() == null || CaseFacts.monthOf(b.boundSince()).isAfter(month)) continue;
            dueHouseholds.add(b.listing().id());
            List<String> path = paths.computeIfAbsent(b.listing().buildingCode(), k -> registers.pathOf(toHousehold(b)));
            for (Unit u : inside(path, community)) {
                units.put(u.code(), u);
                expected.computeIfAbsent(u.code(), k -> new long[2])[0]++;
            }
        }
        java.util.Set<String> visited = new java.util.HashSet<>();
        for (Visit v : visits) {
            if (!dueHouseholds.contains(v.householdId()) || !visited.add(v.householdId())) continue;
            for (Unit u : inside(v.path(), community)) {
                units.put(u.code(), u);
                expected.computeIfAbsent(u.code(), k -> new long[2])[1]++;
            }
        }
        List<Difference> diffs = new ArrayList<>();
        int repaired = 0;
        for (var e : expected.entrySet()) {
            Unit u = units.get(e.getKey());
            long[] have = store.counters(u, month);
            long[] want = e.getValue();
            if (have[0] == want[0] && have[1] == want[1]) continue;
            diffs.add(new Difference(u.code(), have[0], have[1], want[0], want[1]));
            if (repair && store.correct(u, month, have, new long[] {want[0] - have[0], want[1] - have[1]})) repaired++;
        }
        return new Recomputed(month, dueHouseholds.size(), visits.size(), List.copyOf(diffs), repaired);
    }

    /** The units of a path from the community down. */
    private static List<Unit> inside(List<String> path, String community) {
        List<Unit> out = new ArrayList<>();
        int from = path.indexOf(community);
        if (from < 0) return out;
        for (int i = from; i < path.size(); i++) out.add(Unit.node(path.subList(0, i + 1)));
        return out;
    }

    private static Household toHousehold(VisitStore.BoundHousehold b) {
        HouseholdListing l = b.listing();
        return new Household(l.id(), l.community(), l.buildingCode(), l.unit(), l.room(), List.of(), java.util.Set.of(), null, null);
    }
}
