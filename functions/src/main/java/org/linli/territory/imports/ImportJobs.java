package org.linli.territory.imports;

import java.util.List;
import java.util.Optional;

/**
 * The store of import jobs and their uploaded parts. Writes made by the worker carry its attempt
 * number and fail with {@link LostClaim} when another attempt has taken the job over.
 */
public interface ImportJobs {
    void create(ImportJob job);

    Optional<ImportJob> find(String jobId);

    /** Stores (or replaces) a part; Conflict IMPORT_NOT_OPEN when the job was committed meanwhile. */
    void putPart(String jobId, ImportPart part, String content);

    /** Every part of a job, by kind then number. */
    List<ImportPart.Content> parts(String jobId);

    /** OPEN → QUEUED; returns the job as it is after the call (unchanged when it was not OPEN). */
    ImportJob commit(String jobId, java.time.Instant now);

    /**
     * Takes the job for one run: QUEUED, FAILED, or RUNNING without progress for {@code staleAfter}
     * (a worker that died) → RUNNING with the next attempt number. Empty when it is not claimable;
     * {@link #find} then tells why (finished, or running elsewhere).
     */
    Optional<ImportJob> claim(String jobId, java.time.Instant now, java.time.Duration staleAfter);

    void progress(String jobId, int attempt, Progress progress);

    void recordVersion(String jobId, int attempt, int mapVersion);

    void refuse(String jobId, int attempt, List<ImportProblem> problems, java.time.Instant now);

    default void publish(String jobId, int attempt, Integer mapVersion, ImportJob.Summary summary, java.time.Instant now) {
        publish(jobId, attempt, mapVersion, summary, List.of(), now);
    }

    /** Finished, with the problems of rows left out (a ledger or a day's work orders store their good rows and report the bad ones). */
    void publish(String jobId, int attempt, Integer mapVersion, ImportJob.Summary summary, List<ImportProblem> problems,
                 java.time.Instant now);

    void fail(String jobId, int attempt, String failure, java.time.Instant now);

    /** Another attempt owns the job now: this one must stop writing. */
    final class LostClaim extends RuntimeException {
        public LostClaim(String jobId) {
            super("import " + jobId + " was taken over by another attempt", null, false, false);
        }
    }
}
