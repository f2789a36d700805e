package org.linli.territory.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.geo.Datum;

/**
 * A staff import of a territory (and its buildings and rosters), from upload to publication.
 * Parts are uploaded while OPEN; commit queues it; the worker claims it (RUNNING, one attempt
 * at a time, kept alive by its progress updates) and ends it REFUSED (with its problems: nothing
 * published), PUBLISHED (with the new map version), or FAILED (an unexpected error; the message is
 * retried and may still publish).
 */
public record ImportJob(String id, String createdBy, boolean admin, Set<String> scope, State state, Datum datum,
                        int cellPrecision, String note, Set<String> parts, int attempt, Progress progress,
                        List<ImportProblem> problems, int problemCount, Map<String, Integer> problemCounts,
                        Integer mapVersion, Summary summary, String failure, Instant createdAt, Instant committedAt,
                        Instant finishedAt, Ledger ledger) {
    /** At most this many problems are kept on the job (a DynamoDB item holds 400 KB); all are counted. */
    public static final int MAX_PROBLEMS_KEPT = 200;

    public enum State {
        OPEN, QUEUED, RUNNING, REFUSED, PUBLISHED, FAILED;

        public boolean finished() {
            return this == REFUSED || this == PUBLISHED;
        }
    }

    /** What a publication wrote and how long the whole run took; for a ledger, its valid households and residents. */
    public record Summary(int nodes, int compounds, int cells, int buildings, int rosters, long items, long cellEntries,
                          int maxCellEntries, long millis, int households, int residents, int orders, int alreadyReceived) {
        public Summary(int nodes, int compounds, int cells, int buildings, int rosters, long items, long cellEntries,
                       int maxCellEntries, long millis) {
            this(nodes, compounds, cells, buildings, rosters, items, cellEntries, maxCellEntries, millis, 0, 0, 0, 0);
        }

        /** An import of work orders: how many were filed now, how many had been received before (one case each). */
        public static Summary ofOrders(int orders, int alreadyReceived, long millis) {
            return new Summary(0, 0, 0, 0, 0, orders, 0, 0, millis, 0, 0, orders, alreadyReceived);
        }

        /** A community's register ledger: households stored (0 on a dry run), and the valid households and residents. */
        public static Summary ofLedger(int stored, int households, int residents, long millis) {
            return new Summary(0, 0, 0, 0, 0, stored, 0, 0, millis, households, residents, 0, 0);
        }
    }

    /**
     * A community's register ledger (registers.LedgerImport) rather than a map: the community it
     * fills, and whether it is a dry run (validated and reported, nothing stored).
     */
    public record Ledger(String community, boolean dryRun) {}

    /** A job of a map (no ledger). */
    public ImportJob(String id, String createdBy, boolean admin, Set<String> scope, State state, Datum datum,
                     int cellPrecision, String note, Set<String> parts, int attempt, Progress progress,
                     List<ImportProblem> problems, int problemCount, Map<String, Integer> problemCounts,
                     Integer mapVersion, Summary summary, String failure, Instant createdAt, Instant committedAt,
                     Instant finishedAt) {
        this(id, createdBy, admin, scope, state, datum, cellPrecision, note, parts, attempt, progress, problems, problemCount,
                problemCounts, mapVersion, summary, failure, createdAt, committedAt, finishedAt, null);
    }

    public ImportJob {
        scope = Set.copyOf(scope);
        parts = Set.copyOf(parts);
        problems = List.copyOf(problems);
        problemCounts = Map.copyOf(problemCounts);
    }

    /** A new, empty job. */
    public static ImportJob open(String id, String createdBy, boolean admin, Set<String> scope, Datum datum,
                                 int cellPrecision, String note, Instant now) {
        return new ImportJob(id, createdBy, admin, scope, State.OPEN, datum, cellPrecision, note, Set.of(), 0, null,
                List.of(), 0, Map.of(), null, null, null, now, null, null);
    }

    /** A new, empty job importing a community's register ledger. */
    public static ImportJob ledger(String id, String createdBy, String community, boolean dryRun, Instant now) {
        return new ImportJob(id, createdBy, false, Set.of(community), State.OPEN, Datum.GCJ02, 7, null, Set.of(), 0, null,
                List.of(), 0, Map.of(), null, null, null, now, null, null, new Ledger(community, dryRun));
    }

    public long partsOf(ImportPart.Kind kind) {
        return parts.stream().filter(p -> p.startsWith(kind.prefix())).count();
    }
}
