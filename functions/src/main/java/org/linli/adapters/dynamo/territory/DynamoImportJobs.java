package org.linli.adapters.dynamo.territory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchWrites;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.core.Conflict;
import org.linli.core.Times;
import org.linli.territory.imports.ImportJob;
import org.linli.territory.imports.ImportJobs;
import org.linli.territory.imports.ImportPart;
import org.linli.territory.imports.ImportProblem;
import org.linli.territory.imports.Progress;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link ImportJobs} in the territory table. A part is stored gzip-compressed and cut into chunks
 * of at most {@link #CHUNK_BYTES} (an item holds 400 KB); chunk 0 records how many chunks the
 * part has, so a re-upload that shrinks a part never reads stale chunks. Jobs and parts expire
 * through the table's TTL ({@code expiresAt}).
 */
public final class DynamoImportJobs implements ImportJobs {
    static final int CHUNK_BYTES = 300 * 1024;
    static final Duration JOB_RETENTION = Duration.ofDays(90);
    static final Duration PART_RETENTION = Duration.ofDays(14);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoImportJobs(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void create(ImportJob job) {
        long expires = clock.instant().plus(JOB_RETENTION).getEpochSecond();
        try {
            DynamoCalls.call("PutItem import job", () -> dynamo.putItem(b -> b.tableName(table).item(ImportItems.job(job, expires))
                    .conditionExpression(TableKeys.ABSENT)));
        } catch (ConditionalCheckFailedException e) {
            throw new Conflict("IMPORT_EXISTS", "Import " + job.id() + " already exists.");
        }
    }

    @Override
    public Optional<ImportJob> find(String jobId) {
        var r = DynamoCalls.call("GetItem import job", () -> dynamo.getItem(b -> b.tableName(table)
                .key(TerritoryKeys.importJob(jobId)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(ImportItems.job(r.item())) : Optional.empty();
    }

    @Override
    public void putPart(String jobId, ImportPart part, String content) {
        byte[] zipped = gzip(content);
        int chunks = Math.max(1, (zipped.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        long expires = clock.instant().plus(PART_RETENTION).getEpochSecond();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            Map<String, AttributeValue> item = new HashMap<>(TerritoryKeys.importChunk(jobId, part.id(), c));
            item.put("data", Attr.b(Arrays.copyOfRange(zipped, c * CHUNK_BYTES, Math.min(zipped.length, (c + 1) * CHUNK_BYTES))));
            if (c == 0) {
                item.put("chunks", Attr.n(chunks));
                item.put("part", Attr.s(part.id()));
            }
            item.put("expiresAt", Attr.n(expires));
            items.add(item);
        }
        // Chunks first, then the job's part list: a part listed is a part complete.
        BatchWrites.putAll(dynamo, table, items);
        update("UpdateItem import part", b -> b.updateExpression("ADD parts :p")
                .conditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromSs(List.of(part.id())), ":open", Attr.s("OPEN"))),
                () -> new Conflict("IMPORT_NOT_OPEN", "Import " + jobId + " is committed; parts can no longer change."), jobId);
    }

    @Override
    public List<ImportPart.Content> parts(String jobId) {
        Map<String, List<Map<String, AttributeValue>>> byPart = new TreeMap<>();
        for (var item : Queries.all(dynamo, table, "Query import parts", q -> q.consistentRead(true)
                .keyConditionExpression(TableKeys.PK + " = :p AND begins_with(" + TableKeys.SK + ", :s)")
                .expressionAttributeValues(Map.of(":p", Attr.s(TerritoryKeys.IMPORT + jobId), ":s", Attr.s(TerritoryKeys.PART))))) {
            String partId = Attr.str(item, TableKeys.SK).split("#")[1];
            byPart.computeIfAbsent(partId, k -> new ArrayList<>()).add(item);
        }
        List<ImportPart.Content> out = new ArrayList<>();
        byPart.forEach((partId, chunks) -> {
            ImportPart part = ImportPart.parse(partId);
            int n = (int) Attr.num(chunks.get(0), "chunks", chunks.size());
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (var c : chunks.subList(0, Math.min(n, chunks.size()))) all.writeBytes(c.get("data").b().asByteArray());
            out.add(new ImportPart.Content(part, gunzip(all.toByteArray())));
        });
        out.sort(Comparator.comparing((ImportPart.Content c) -> c.part().kind()).thenComparingInt(c -> c.part().number()));
        return out;
    }

    @Override
    public ImportJob commit(String jobId, Instant now) {
        try {
            var r = DynamoCalls.call("UpdateItem import commit", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(TerritoryKeys.importJob(jobId))
                    .updateExpression("SET #s = :q, committedAt = :t")
                    .conditionExpression("#s = :open")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":q", Attr.s("QUEUED"), ":t", Attr.s(Times.stored(now)), ":open", Attr.s("OPEN")))
                    .returnValues(ReturnValue.ALL_NEW)));
            return ImportItems.job(r.attributes());
        } catch (ConditionalCheckFailedException e) {
            return find(jobId).orElseThrow();
        }
    }

    @Override
    public Optional<ImportJob> claim(String jobId, Instant now, Duration staleAfter) {
        try {
            var r = DynamoCalls.call("UpdateItem import claim", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(TerritoryKeys.importJob(jobId))
                    .updateExpression("SET #s = :run, attempt = attempt + :one, heartbeatAt = :now REMOVE failure")
                    .conditionExpression("#s IN (:queued, :failed) OR (#s = :run AND heartbeatAt < :stale)")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":run", Attr.s("RUNNING"), ":one", Attr.n(1), ":now", Attr.s(Times.stored(now)),
                            ":queued", Attr.s("QUEUED"), ":failed", Attr.s("FAILED"), ":stale", Attr.s(Times.stored(now.minus(staleAfter)))))
                    .returnValues(ReturnValue.ALL_NEW)));
            return Optional.of(ImportItems.job(r.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void progress(String jobId, int attempt, Progress progress) {
        owned(jobId, attempt, "SET progress = :p, heartbeatAt = :now",
                Map.of(":p", ImportItems.progress(progress), ":now", Attr.s(Times.stored(progress.at()))));
    }

    @Override
    public void recordVersion(String jobId, int attempt, int mapVersion) {
        owned(jobId, attempt, "SET mapVersion = :v", Map.of(":v", Attr.n(mapVersion)));
    }

    @Override
    public void refuse(String jobId, int attempt, List<ImportProblem> problems, Instant now) {
        List<ImportProblem> kept = problems.subList(0, Math.min(problems.size(), ImportJob.MAX_PROBLEMS_KEPT));
        owned(jobId, attempt, "SET #s = :refused, problems = :p, problemCount = :n, problemCounts = :c, finishedAt = :t",
                Map.of(":refused", Attr.s("REFUSED"), ":p", ImportItems.problems(kept), ":n", Attr.n(problems.size()),
                        ":c", ImportItems.counts(problems), ":t", Attr.s(Times.stored(now))));
    }

    @Override
    public void publish(String jobId, int attempt, Integer mapVersion, ImportJob.Summary summary, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":published", Attr.s("PUBLISHED"),
                ":sum", ImportItems.summary(summary), ":t", Attr.s(Times.stored(now))));
        String set = "SET #s = :published, summary = :sum, finishedAt = :t";
        if (mapVersion != null) {
            values.put(":v", Attr.n(mapVersion));
            set += ", mapVersion = :v";
        }
        owned(jobId, attempt, set, values);
    }

    @Override
    public void publishWithProblems(String jobId, int attempt, ImportJob.Summary summary, List<ImportProblem> problems, Instant now) {
        List<ImportProblem> kept = problems.subList(0, Math.min(problems.size(), ImportJob.MAX_PROBLEMS_KEPT));
        owned(jobId, attempt, "SET #s = :published, summary = :sum, problems = :p, problemCount = :n, problemCounts = :c, finishedAt = :t",
                Map.of(":published", Attr.s("PUBLISHED"), ":sum", ImportItems.summary(summary), ":p", ImportItems.problems(kept),
                        ":n", Attr.n(problems.size()), ":c", ImportItems.counts(problems), ":t", Attr.s(Times.stored(now))));
    }

    @Override
    public void fail(String jobId, int attempt, String failure, Instant now) {
        String text = failure == null ? "unknown" : failure.length() > 1000 ? failure.substring(0, 1000) : failure;
        try {
            owned(jobId, attempt, "SET #s = :failed, failure = :f, finishedAt = :t",
                    Map.of(":failed", Attr.s("FAILED"), ":f", Attr.s(text), ":t", Attr.s(Times.stored(now))));
        } catch (LostClaim e) {
            // another attempt owns the job: its outcome is the one to keep
        }
    }

    /** An update made by the attempt that owns the running job; LostClaim when it no longer does. */
    private void owned(String jobId, int attempt, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":attempt", Attr.n(attempt));
        all.put(":running", Attr.s("RUNNING"));
        update("UpdateItem import job", b -> b.updateExpression(expression)
                .conditionExpression("attempt = :attempt AND #s = :running")
                .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(all), () -> new LostClaim(jobId), jobId);
    }

    private void update(String operation, java.util.function.Consumer<UpdateItemRequest.Builder> spec,
                        java.util.function.Supplier<RuntimeException> onCondition, String jobId) {
        UpdateItemRequest.Builder b = UpdateItemRequest.builder().tableName(table).key(TerritoryKeys.importJob(jobId));
        spec.accept(b);
        try {
            DynamoCalls.call(operation, () -> dynamo.updateItem(b.build()));
        } catch (ConditionalCheckFailedException e) {
            throw onCondition.get();
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String gunzip(byte[] data) {
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return new String(z.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a stored import part is corrupt", e);
        }
    }
}
