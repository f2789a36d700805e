package org.linli.kpi;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.Tier;
import org.linli.cases.Verdict;
import org.linli.core.Times;

/**
 * What one case counts for, as a pure function of its audit trail: the month it was opened in
 * (Asia/Shanghai), the units it counts in (every node of its territory path, and every
 * department that took it or was summoned to it), and its counts (docs/kpis.md). The same
 * function serves incremental folding and the recompute, so they can only differ if events were
 * lost or applied twice - which is what the recompute test checks.
 *
 * <p>A department is accountable for the whole case from the moment it is involved: it counts
 * the case's figures as they stand then and follows every later change.
 */
public record CaseFacts(String caseId, long version, YearMonth month, List<String> path, List<String> departments,
                        Tally tally) {
    /**
     * Bumped when the definitions below change: fold records written under another value are
     * re-folded (the recompute walks every case of a month), so stored counters follow the code.
     */
    public static final int DEFINITIONS = 2; // 2: counts by source

    public CaseFacts {
        path = List.copyOf(path);
        departments = List.copyOf(departments);
    }

    /** The month an instant falls in, in the time residents live in. */
    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(Times.CHINA));
    }

    /** Facts of the case whose whole trail, oldest first, is {@code trail} (it starts with OPEN). */
    public static CaseFacts of(List<CaseEvent> trail) {
        if (trail.isEmpty()) throw new IllegalArgumentException("an empty trail");
        CaseEvent first = trail.get(0);
        CaseEvent last = trail.get(trail.size() - 1);
        Set<String> departments = new LinkedHashSet<>();
        EnumMap<Counter, Long> n = new EnumMap<>(Counter.class);
        n.put(Counter.RECEIVED, 1L);
        boolean late = false;
        boolean responded = false;
        CaseEvent closing = null;
        for (CaseEvent e : trail) {
            if (e.tierAfter() == Tier.DEPARTMENT && e.tierNode() != null) departments.add(e.tierNode());
            if (e.action() == CaseAction.SUMMON && e.detail("departments") != null) {
                for (String d : e.detail("departments").split(",")) if (!d.isBlank()) departments.add(d.strip());
            }
            if (missedDeadline(e)) late = true;
            if (!responded && (e.action() == CaseAction.ACCEPT || e.action() == CaseAction.REJECT)) {
                responded = true;
                add(n, Counter.RESPONDED, 1);
                boolean inTime = e.deadlineBefore() == null || !e.at().isAfter(e.deadlineBefore());
                if (!late && inTime) add(n, Counter.RESPONDED_ON_TIME, 1);
            }
            if (e.action() == CaseAction.VERDICT || e.action() == CaseAction.CALLBACK) {
                String v = e.detail(e.action() == CaseAction.VERDICT ? "verdict" : "outcome");
                if (Verdict.SATISFIED.name().equals(v)) add(n, Counter.SATISFIED, 1);
                else if (Verdict.BASICALLY_SATISFIED.name().equals(v)) add(n, Counter.BASICALLY_SATISFIED, 1);
                else if (Verdict.DISSATISFIED.name().equals(v)) add(n, Counter.DISSATISFIED, 1);
            }
            if (e.to() == CaseStatus.REWORK && e.from() != CaseStatus.REWORK) add(n, Counter.REWORKS, 1);
            if (e.action() == CaseAction.ESCALATE) add(n, Counter.ESCALATIONS, 1);
            if (e.to() == CaseStatus.CLOSED && e.from() != CaseStatus.CLOSED) closing = e;
        }
        if (late) add(n, Counter.OVERDUE, 1);
        CaseStatus status = last.to();
        if (status == CaseStatus.MERGED) add(n, Counter.MERGED, 1);
        if (status == CaseStatus.REJECTED) add(n, Counter.REJECTED, 1);
        if (status == CaseStatus.RESOLVED || status == CaseStatus.FED_BACK || status == CaseStatus.CLOSED) {
            add(n, Counter.HANDLED, 1);
        }
        if (status == CaseStatus.CLOSED) {
            add(n, Counter.CLOSED, 1);
            if (closing != null && confirmedSolved(closing)) add(n, Counter.RESOLVED, 1);
        }
        // Split by source: the OPEN entry names the first report's source (cases opened before it did count in no source).
        String source = first.detail("source");
        if (source != null) {
            Counter.bySource(source, "received").ifPresent(c -> add(n, c, 1));
            long closed = n.getOrDefault(Counter.CLOSED, 0L);
            long satisfied = n.getOrDefault(Counter.SATISFIED, 0L);
            if (closed > 0) Counter.bySource(source, "closed").ifPresent(c -> add(n, c, closed));
            if (satisfied > 0) Counter.bySource(source, "satisfied").ifPresent(c -> add(n, c, satisfied));
        }
        return new CaseFacts(first.caseId(), last.version(), monthOf(first.at()), first.path(),
                new ArrayList<>(departments), Tally.of(n));
    }

    /** A deadline the sweep found missed: an escalation or an overdue flag by the system. */
    static boolean missedDeadline(CaseEvent e) {
        return "SYSTEM".equals(e.actorRole()) && (e.action() == CaseAction.ESCALATE || e.action() == CaseAction.FLAG_OVERDUE);
    }

    /** Closed by the reporter's verdict or a callback saying satisfied or basically satisfied. */
    private static boolean confirmedSolved(CaseEvent closing) {
        if (closing.action() != CaseAction.VERDICT && closing.action() != CaseAction.CALLBACK) return false;
        String v = closing.detail(closing.action() == CaseAction.VERDICT ? "verdict" : "outcome");
        return Verdict.SATISFIED.name().equals(v) || Verdict.BASICALLY_SATISFIED.name().equals(v);
    }

    private static void add(EnumMap<Counter, Long> n, Counter c, long by) {
        n.merge(c, by, Long::sum);
    }

    /** Every unit the case counts in: its path (root first), then its departments. */
    public List<Unit> units() {
        List<Unit> out = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) out.add(Unit.node(path.subList(0, i + 1)));
        String root = path.isEmpty() ? null : path.get(0);
        for (String d : departments) out.add(Unit.department(d, root));
        return out;
    }
}
