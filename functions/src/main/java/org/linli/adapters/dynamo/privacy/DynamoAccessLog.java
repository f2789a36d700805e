package org.linli.adapters.dynamo.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchWrites;
import org.linli.adapters.dynamo.Cursors;
import org.linli.adapters.dynamo.Queries;
import org.linli.core.Page;
import org.linli.core.Times;
import org.linli.privacy.AccessEntry;
import org.linli.privacy.AccessLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link AccessLog} on its own table. An entry is one BatchWriteItem of one item per subject,
 * keyed by time and id; entries expire after three years (TTL).
 */
public final class DynamoAccessLog implements AccessLog {
    /** PIPL art. 56 asks to keep records of processing at least three years. */
    static final Duration KEEP = Duration.ofDays(3 * 366);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccessLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(AccessEntry e) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < e.subjects().size(); i++) {
            Map<String, AttributeValue> item = new HashMap<>(AccessLogKeys.key(e.subjects().get(i), e));
            item.put("entryId", Attr.s(e.entryId()));
            item.put("viewerId", Attr.s(e.viewerId()));
            item.put("subjects", Attr.strings(e.subjects()));
            item.put("purpose", Attr.s(e.purpose().name()));
            Attr.put(item, "reason", e.reason());
            item.put("at", Attr.s(Times.stored(e.at())));
            item.put("expiresAt", Attr.n(e.at().plus(KEEP).getEpochSecond()));
            if (i == 0) {
                item.put(AccessLogKeys.VIEWER_PK, Attr.s(AccessLogKeys.viewerPartition(e.viewerId())));
                item.put(AccessLogKeys.VIEWER_SK, Attr.s(AccessLogKeys.sort(e)));
            }
            items.add(item);
        }
        BatchWrites.putAll(dynamo, table, items, "The access log refused the write; the data was not shown. Try again.");
    }

    @Override
    public Page<AccessEntry> bySubject(String subject, int limit, String cursor) {
        QueryResponse r = Queries.page(dynamo, table, null, org.linli.adapters.dynamo.TableKeys.PK, org.linli.adapters.dynamo.TableKeys.SK,
                AccessLogKeys.subjectPartition(subject), limit, cursor, false, b -> b);
        return new Page<>(r.items().stream().map(DynamoAccessLog::fromItem).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public Page<AccessEntry> byViewer(String viewerId, int limit, String cursor) {
        QueryResponse r = Queries.page(dynamo, table, AccessLogKeys.BY_VIEWER, AccessLogKeys.VIEWER_PK, AccessLogKeys.VIEWER_SK,
                AccessLogKeys.viewerPartition(viewerId), limit, cursor, false, b -> b);
        return new Page<>(r.items().stream().map(DynamoAccessLog::fromItem).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    private static AccessEntry fromItem(Map<String, AttributeValue> item) {
        return new AccessEntry(Attr.str(item, "entryId"), Attr.str(item, "viewerId"), Attr.list(item, "subjects"),
                AccessEntry.Purpose.valueOf(Attr.str(item, "purpose")), Attr.str(item, "reason"), Times.parseStored(Attr.str(item, "at")));
    }
}
