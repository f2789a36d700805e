package org.linli.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.cases.Case;
import org.linli.cases.CaseStore;
import org.linli.core.Page;
import org.linli.report.Report;
import org.linli.report.ReportStatus;
import org.linli.report.ReportStore;

/**
 * Reports and cases in maps, with the same conditional rules as the DynamoDB adapters (a report
 * id is stored once; a report gets one case), exposed as the two ports.
 */
public final class InMemoryCasesTable {
    public final Map<String, Report> reports = new ConcurrentHashMap<>();
    public final Map<String, Case> cases = new ConcurrentHashMap<>();
    public int writes;

    public final ReportStore reportStore = new ReportStore() {
        @Override
        public Optional<Report> insertNew(Report report) {
            synchronized (InMemoryCasesTable.this) {
                writes++;
                return Optional.ofNullable(reports.putIfAbsent(report.id(), report));
            }
        }

        @Override
        public Optional<Report> find(String reportId) {
            return Optional.ofNullable(reports.get(reportId));
        }

        @Override
        public Page<Report> byReporter(String reporterId, int limit, String cursor) {
            return new Page<>(reports.values().stream().filter(r -> r.reporterId().equals(reporterId))
                    .sorted(Comparator.comparing(Report::receivedAt).reversed()).limit(limit).toList(), null);
        }

        @Override
        public List<Report> pendingBefore(Instant before, int limit) {
            return reports.values().stream().filter(r -> r.status() == ReportStatus.RECEIVED && r.receivedAt().isBefore(before))
                    .sorted(Comparator.comparing(Report::receivedAt)).limit(limit).toList();
        }
    };

    public final CaseStore caseStore = new CaseStore() {
        @Override
        public boolean createFromReport(Case c, String reportId) {
            synchronized (InMemoryCasesTable.this) {
                writes++;
                Report r = reports.get(reportId);
                if (r == null || r.status() != ReportStatus.RECEIVED || cases.containsKey(c.id())) return false;
                cases.put(c.id(), c);
                reports.put(reportId, new Report(r.id(), r.reporterId(), r.content(), r.fingerprint(), ReportStatus.CASED,
                        c.id(), r.receivedAt()));
                return true;
            }
        }

        @Override
        public Optional<Case> find(String caseId) {
            return Optional.ofNullable(cases.get(caseId));
        }

        @Override
        public Map<String, Case> findAll(Collection<String> ids) {
            Map<String, Case> out = new HashMap<>();
            for (String id : ids) if (cases.containsKey(id)) out.put(id, cases.get(id));
            return out;
        }

        @Override
        public Page<Case> assignedTo(String userId, int limit, String cursor) {
            return new Page<>(cases.values().stream().filter(c -> c.assignee() != null && c.assignee().userId().equals(userId))
                    .sorted(Comparator.comparing(Case::deadline)).limit(limit).toList(), null);
        }

        @Override
        public Page<Case> unassignedAt(String nodeCode, int limit, String cursor) {
            return new Page<>(cases.values().stream().filter(c -> nodeCode.equals(c.queueNode()))
                    .sorted(Comparator.comparing(Case::createdAt)).limit(limit).toList(), null);
        }
    };
}
