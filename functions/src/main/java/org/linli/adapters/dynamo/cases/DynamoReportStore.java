package org.linli.adapters.dynamo.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.linli.adapters.dynamo.Cursors;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.PutIfAbsent;
import org.linli.adapters.dynamo.Queries;
import org.linli.core.Page;
import org.linli.core.RateLimit;
import org.linli.report.Report;
import org.linli.report.ReportStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** {@link ReportStore} on the cases table. */
public final class DynamoReportStore implements ReportStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Report> insertNew(Report report, RateLimit.Charge charge) {
        // The existing item comes back with a failed condition: a retry costs no extra read.
        return PutIfAbsent.put(dynamo, table, "report", ReportItems.toItem(report), charge).map(ReportItems::fromItem);
    }

    @Override
    public Optional<Report> find(String reportId) {
        var r = DynamoCalls.call("GetItem report", () -> dynamo.getItem(b -> b.tableName(table)
                .key(CasesKeys.report(reportId)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(ReportItems.fromItem(r.item())) : Optional.empty();
    }

    @Override
    public Page<Report> byReporter(String reporterId, int limit, String cursor) {
        QueryResponse r = Queries.page(dynamo, table, CasesKeys.BY_REPORTER, CasesKeys.REPORTER_PK, CasesKeys.REPORTER_SK,
                CasesKeys.reporterPartition(reporterId), limit, cursor, false, b -> b);
        List<Report> items = r.items().stream().map(ReportItems::fromItem).toList();
        return new Page<>(items, Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public List<Report> pendingBefore(Instant before, int limit) {
        List<Report> out = new ArrayList<>(Queries.shardsBefore(dynamo, table, CasesKeys.PENDING, CasesKeys.PENDING_PK, CasesKeys.PENDING_SK,
                CasesKeys.PENDING_SHARD, CasesKeys.PENDING_SHARDS, before, limit).stream().map(ReportItems::fromItem).toList());
        out.sort(Comparator.comparing(Report::receivedAt));
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
