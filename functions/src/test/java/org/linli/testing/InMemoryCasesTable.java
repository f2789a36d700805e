package org.linli.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.linli.cases.Case;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.CaseStore;
import org.linli.cases.Escalation;
import org.linli.cases.SummonsTask;
import org.linli.cases.Tier;
import org.linli.core.Page;
import org.linli.report.Report;
import org.linli.report.ReportStatus;
import org.linli.report.ReportStore;

/**
 * Reports and cases in maps, with the same conditional rules as the DynamoDB adapters (a report
 * id is stored once; a report gets one case; a case write needs the version it read; an audit
 * entry and a request record are written once), exposed as the two ports. The indexes are
 * filters over the same state rules as the item codec. {@link #beforeWrite} lets a test slip a
 * concurrent change in between an action's read and its write.
 */
public final class InMemoryCasesTable {
    public final Map<String, Report> reports = new ConcurrentHashMap<>();
    public final Map<String, Case> cases = new ConcurrentHashMap<>();
    public final Map<String, List<CaseEvent>> audit = new ConcurrentHashMap<>();
    public final Map<String, CaseStore.RequestRecord> requests = new ConcurrentHashMap<>();
    /** One item per summons task, by case#department, written from a commit's changed tasks: the department queues. */
    public final Map<String, CaseStore.DepartmentTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, Long> linkVersions = new ConcurrentHashMap<>();
    public int writes;
    /** Rate-limit counters by counter and window. */
    public final Map<String, Integer> quotas = new ConcurrentHashMap<>();
    public Runnable beforeWrite;

    public final ReportStore reportStore = new ReportStore() {
        @Override
        public Optional<Report> insertNew(Report report, org.linli.core.RateLimit.Charge charge) {
            synchronized (InMemoryCasesTable.this) {
                writes++;
                Report first = reports.get(report.id());
                if (first != null) return Optional.of(first);
                if (charge != null) {
                    String counter = charge.counter() + "@" + charge.windowStart();
                    if (quotas.getOrDefault(counter, 0) >= charge.limit().limit()) throw charge.exceeded();
                    quotas.merge(counter, 1, Integer::sum);
                }
                reports.put(report.id(), report);
                return Optional.empty();
            }
        }

        @Override
        public Optional<Report> find(String reportId) {
            return Optional.ofNullable(reports.get(reportId));
        }

        @Override
        public Page<Report> byReporter(String reporterId, int limit, String cursor) {
            // Paged as the index is: newest first, the cursor the next offset (a full page has one).
            List<Report> all = reports.values().stream().filter(r -> r.reporterId().equals(reporterId))
                    .sorted(Comparator.comparing(Report::receivedAt).reversed()).toList();
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(all.size(), from + limit);
            return new Page<>(all.subList(from, to), to - from == limit ? String.valueOf(to) : null);
        }

        @Override
        public List<Report> pendingBefore(Instant before, int limit) {
            return reports.values().stream().filter(r -> r.status() == ReportStatus.RECEIVED && r.receivedAt().isBefore(before))
                    .sorted(Comparator.comparing(Report::receivedAt)).limit(limit).toList();
        }
    };

    public final CaseStore caseStore = new CaseStore() {
        /** The register in memory: every case the query matches, newest first; the cursor is the next offset. */
        @Override
        public org.linli.core.Page<Case> register(org.linli.cases.RegisterQuery q, int limit, String cursor) {
            synchronized (InMemoryCasesTable.this) {
                if (q.phoneTail() != null) return byTail(q, limit, cursor);
                List<Case> all = cases.values().stream().filter(c -> q.caseId() == null || c.id().equals(q.caseId()))
                        .filter(q::matches).sorted(Comparator.comparing(Case::createdAt).thenComparing(Case::id).reversed()).toList();
                int from = cursor == null ? 0 : Integer.parseInt(cursor);
                int to = Math.min(all.size(), from + limit);
                return new org.linli.core.Page<>(all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
            }
        }

        /**
         * The search by a phone's last four digits: the reports whose contact phone ends in them, newest first (the
         * index's sort key: received time, then id), page by page; their cases that pass the filters, once each.
         */
        private org.linli.core.Page<Case> byTail(org.linli.cases.RegisterQuery q, int limit, String cursor) {
            List<Report> all = reports.values().stream().filter(r -> q.phoneTail().equals(org.linli.core.format.Phone.tail(r.content().contact().phone())))
                    .sorted(Comparator.comparing(Report::receivedAt).thenComparing(Report::id).reversed()).toList();
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(all.size(), from + limit);
            List<Case> out = all.subList(from, to).stream().map(Report::caseId).filter(java.util.Objects::nonNull).distinct()
                    .map(cases::get).filter(java.util.Objects::nonNull).filter(q::matches).toList();
            return new org.linli.core.Page<>(out, to - from == limit ? String.valueOf(to) : null);
        }

        @Override
        public Write createFromReport(Case c, String reportId, CaseEvent opened) {
            synchronized (InMemoryCasesTable.this) {
                writes++;
                Optional<Write> linked = linkedAlready(reportId);
                if (linked.isPresent()) return linked.get();
                // The link is conditional on a RECEIVED report: with none, the whole write fails.
                if (!reports.containsKey(reportId) || cases.containsKey(c.id())) return new AlreadyLinked(c.id(), opened.version());
                cases.put(c.id(), c);
                appendAudit(opened);
                link(reportId, c.id(), opened.version());
                return new Written();
            }
        }

        @Override
        public Write joinFromReport(Case after, long expectedVersion, String reportId, CaseEvent joined) {
            runHook();
            synchronized (InMemoryCasesTable.this) {
                writes++;
                Optional<Write> linked = linkedAlready(reportId);
                if (linked.isPresent()) return linked.get();
                if (!reports.containsKey(reportId)) return new AlreadyLinked(after.id(), joined.version());
                Case current = cases.get(after.id());
                if (current == null || current.version() != expectedVersion) return new Stale(after.id(), current);
                cases.put(after.id(), after);
                appendAudit(joined);
                link(reportId, after.id(), joined.version());
                return new Written();
            }
        }

        @Override
        public Write commit(Change change) {
            runHook();
            synchronized (InMemoryCasesTable.this) {
                writes++;
                String caseId = change.after().id();
                if (change.request() != null) {
                    RequestRecord seen = requests.get(caseId + "#" + change.request().key());
                    if (seen != null) return new RequestSeen(seen);
                }
                Case current = cases.get(caseId);
                if (current == null || current.version() != change.expectedVersion()) return new Stale(caseId, current);
                if (change.also() != null) {
                    Case target = cases.get(change.also().after().id());
                    if (target == null || target.version() != change.also().expectedVersion()) {
                        return new Stale(change.also().after().id(), target);
                    }
                    cases.put(target.id(), change.also().after());
                    appendAudit(change.also().event());
                    putTasks(change.also().after(), change.also().changedTasks());
                }
                cases.put(caseId, change.after());
                putTasks(change.after(), change.changedTasks());
                appendAudit(change.event());
                if (change.request() != null) requests.put(caseId + "#" + change.request().key(), change.request());
                return new Written();
            }
        }

        @Override
        public Optional<Case> find(String caseId) {
            return Optional.ofNullable(cases.get(caseId));
        }

        @Override
        public Loaded load(String caseId, String requestKey) {
            return new Loaded(find(caseId), Optional.ofNullable(requestKey == null ? null : requests.get(caseId + "#" + requestKey)));
        }

        @Override
        public Map<String, Case> findAll(Collection<String> ids) {
            Map<String, Case> out = new HashMap<>();
            for (String id : ids) if (cases.containsKey(id)) out.put(id, cases.get(id));
            return out;
        }

        @Override
        public Optional<CaseEvent> auditEntry(String caseId, long version) {
            return trail(caseId).stream().filter(e -> e.version() == version).findFirst();
        }

        @Override
        public Page<CaseEvent> audit(String caseId, int limit, String cursor) {
            return page(trail(caseId).stream(), limit, cursor);
        }

        @Override
        public Page<Case> assignedTo(String userId, int limit, String cursor) {
            return page(open().filter(c -> c.assignee() != null && c.assignee().userId().equals(userId))
                    .sorted(Comparator.comparing(Case::deadline).thenComparing(Case::id)), limit, cursor);
        }

        @Override
        public Page<Case> unassignedAt(String nodeCode, int limit, String cursor) {
            return page(open().filter(c -> nodeCode.equals(c.queueNode())).sorted(Comparator.comparing(Case::createdAt).thenComparing(Case::id)), limit, cursor);
        }

        @Override
        public Page<Case> overdue(String supervisorNode, Tier tier, Instant now, int limit, String cursor) {
            // The index's sort key is "<tier>#<deadline>#<id>": across tiers, by the tier's name first.
            return page(open().filter(c -> c.status() != CaseStatus.FED_BACK)
                    .filter(c -> Escalation.supervisorNode(c).equals(supervisorNode) && (tier == null || c.tier() == tier))
                    .filter(c -> c.deadline().isBefore(now))
                    .sorted(Comparator.comparing((Case c) -> c.tier().name()).thenComparing(Case::deadline).thenComparing(Case::id)), limit, cursor);
        }

        @Override
        public Page<DepartmentTask> tasksOf(String department, int limit, String cursor) {
            // The task items a commit wrote (its changed tasks), not the case's summary list: as the adapter reads them.
            List<DepartmentTask> out = new ArrayList<>(tasks.values().stream()
                    .filter(t -> t.task().open() && t.task().department().equals(department)).toList());
            out.sort(Comparator.comparing((DepartmentTask t) -> t.task().deadline()).thenComparing(DepartmentTask::caseId));
            return page(out.stream(), limit, cursor);
        }

        @Override
        public List<Case> due(Instant now, int limit) {
            return open().filter(c -> !c.overdueFlagged() && c.deadline().isBefore(now))
                    .sorted(Comparator.comparing(Case::deadline).thenComparing(Case::id)).limit(limit).toList();
        }

        @Override
        public List<Case> openNear(String category, Collection<String> cells, Instant since) {
            return open().filter(c -> c.cell() != null && cells.contains(c.cell()) && c.category().equals(category)
                    && !c.createdAt().isBefore(since)).toList();
        }
    };

    /** Writes the task items of {@code changed} beside case {@code c} (what a test seeding a case with tasks calls too). */
    public void putTasks(Case c, List<SummonsTask> changed) {
        for (SummonsTask t : changed) tasks.put(c.id() + "#" + t.department(), new CaseStore.DepartmentTask(c.id(), c.category(), t));
    }

    private Stream<Case> open() {
        return cases.values().stream().filter(c -> c.status().open());
    }

    /** Paged as a DynamoDB query is: the cursor is the next offset, and a full page has one (the next may be empty). */
    private static <T> Page<T> page(Stream<T> s, int limit, String cursor) {
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        List<T> rest = s.skip(from).limit(limit).toList();
        return new Page<>(rest, rest.size() == limit ? String.valueOf(from + limit) : null);
    }

    public List<CaseEvent> trail(String caseId) {
        return List.copyOf(audit.getOrDefault(caseId, List.of()));
    }

    private void runHook() {
        Runnable hook = beforeWrite;
        if (hook != null) {
            beforeWrite = null;
            hook.run();
        }
    }

    private Optional<CaseStore.Write> linkedAlready(String reportId) {
        Report r = reports.get(reportId);
        if (r != null && r.status() != ReportStatus.RECEIVED) {
            return Optional.of(new CaseStore.AlreadyLinked(r.caseId(), linkVersions.getOrDefault(reportId, 1L)));
        }
        return Optional.empty();
    }

    private void link(String reportId, String caseId, long version) {
        Report r = reports.get(reportId);
        if (r == null) return;
        reports.put(reportId, new Report(r.id(), r.reporterId(), r.content(), r.fingerprint(), ReportStatus.CASED, caseId,
                r.receivedAt()));
        linkVersions.put(reportId, version);
    }

    /** Audit entries are numbered 1, 2, 3... per case: a gap or a repeat is a bug the store refuses. */
    private void appendAudit(CaseEvent e) {
        List<CaseEvent> list = audit.computeIfAbsent(e.caseId(), k -> new ArrayList<>());
        long expected = list.size() + 1;
        if (e.version() != expected) throw new IllegalStateException("audit entry " + e.version() + " after " + list.size());
        list.add(e);
    }
}
