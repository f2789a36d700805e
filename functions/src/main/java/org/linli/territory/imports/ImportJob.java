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
                        Instant finishedAt) {
    /** At most this many problems are kept on the job (a DynamoDB item holds 400 KB); all are counted. */
    public static final int MAX_PROBLEMS_KEPT = 200;

    public enum State {
        OPEN, QUEUED, RUNNING, REFUSED, PUBLISHED, FAILED;

        public boolean finished() {
            return this == REFUSED || this == PUBLISHED;
        }
    }

    /** What a publication wrote and how long the whole run took. */
    public record Summary(int nodes, int compounds, int cells, int buildings, int rosters, long items, long cellEntries,
                          int maxCellEntries, long millis, int orders, int alreadyReceived) {
        public Summary(int nodes, int compounds, int cells, int buildings, int rosters, long items, long cellEntries,
                       int maxCellEntries, long millis) {
            this(nodes, compounds, cells, buildings, rosters, items, cellEntries, maxCellEntries, millis, 0, 0);
        }

        /** An import of work orders: how many were filed now, how many had been received before (one case each). */
        public static Summary ofOrders(int orders, int alreadyReceived, long millis) {
            return new Summary(0, 0, 0, 0, 0, orders, 0, 0, millis, orders, alreadyReceived);
        }
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

    public long partsOf(ImportPart.Kind kind) {
        return parts.stream().filter(p -> p.startsWith(kind.prefix())).count();
    }
}
