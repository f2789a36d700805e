package org.linli.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.core.Conflict;
import org.linli.territory.imports.ImportJob;
import org.linli.territory.imports.ImportJob.State;
import org.linli.territory.imports.ImportJobs;
import org.linli.territory.imports.ImportPart;
import org.linli.territory.imports.ImportProblem;
import org.linli.territory.imports.Progress;

/** Import jobs in maps, with the same conditions as the DynamoDB adapter; keeps every progress update. */
public final class InMemoryImportJobs implements ImportJobs {
    private final Map<String, ImportJob> jobs = new HashMap<>();
    private final Map<String, Instant> heartbeats = new HashMap<>();
    private final Map<String, Map<ImportPart, String>> parts = new HashMap<>();
    public final List<Progress> updates = new ArrayList<>();

    @Override
    public void create(ImportJob job) {
        if (jobs.putIfAbsent(job.id(), job) != null) throw new Conflict("IMPORT_EXISTS", "exists");
    }

    @Override
    public Optional<ImportJob> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public void putPart(String jobId, ImportPart part, String content) {
        ImportJob j = jobs.get(jobId);
        if (j.state() != State.OPEN) throw new Conflict("IMPORT_NOT_OPEN", "committed");
        parts.computeIfAbsent(jobId, k -> new LinkedHashMap<>()).put(part, content);
        Set<String> ids = new HashSet<>(j.parts());
        ids.add(part.id());
        jobs.put(jobId, with(j, j.state(), ids, j.attempt(), j.progress(), j.mapVersion()));
    }

    @Override
    public List<ImportPart.Content> parts(String jobId) {
        List<ImportPart.Content> out = new ArrayList<>();
        parts.getOrDefault(jobId, Map.of()).forEach((p, c) -> out.add(new ImportPart.Content(p, c)));
        out.sort(Comparator.comparing((ImportPart.Content c) -> c.part().kind()).thenComparingInt(c -> c.part().number()));
        return out;
    }

    @Override
    public ImportJob commit(String jobId, Instant now) {
        ImportJob j = jobs.get(jobId);
        if (j.state() == State.OPEN) jobs.put(jobId, with(j, State.QUEUED, j.parts(), j.attempt(), j.progress(), j.mapVersion()));
        return jobs.get(jobId);
    }

    @Override
    public Optional<ImportJob> claim(String jobId, Instant now, Duration staleAfter) {
        ImportJob j = jobs.get(jobId);
        if (j == null) return Optional.empty();
        boolean stale = j.state() == State.RUNNING && heartbeats.get(jobId).isBefore(now.minus(staleAfter));
        if (j.state() != State.QUEUED && j.state() != State.FAILED && !stale) return Optional.empty();
        ImportJob claimed = with(j, State.RUNNING, j.parts(), j.attempt() + 1, j.progress(), j.mapVersion());
        jobs.put(jobId, claimed);
        heartbeats.put(jobId, now);
        return Optional.of(claimed);
    }

    private ImportJob owned(String jobId, int attempt) {
        ImportJob j = jobs.get(jobId);
        if (j.attempt() != attempt || j.state() != State.RUNNING) throw new LostClaim(jobId);
        return j;
    }

    @Override
    public void progress(String jobId, int attempt, Progress progress) {
        ImportJob j = owned(jobId, attempt);
        updates.add(progress);
        heartbeats.put(jobId, progress.at());
        jobs.put(jobId, with(j, j.state(), j.parts(), attempt, progress, j.mapVersion()));
    }

    @Override
    public void recordVersion(String jobId, int attempt, int mapVersion) {
        ImportJob j = owned(jobId, attempt);
        jobs.put(jobId, with(j, j.state(), j.parts(), attempt, j.progress(), mapVersion));
    }

    @Override
    public void refuse(String jobId, int attempt, List<ImportProblem> problems, Instant now) {
        ImportJob j = owned(jobId, attempt);
        Map<String, Integer> counts = counts(problems);
        jobs.put(jobId, new ImportJob(j.id(), j.createdBy(), j.admin(), j.scope(), State.REFUSED, j.datum(), j.cellPrecision(),
                j.note(), j.parts(), attempt, j.progress(), problems.subList(0, Math.min(problems.size(), ImportJob.MAX_PROBLEMS_KEPT)),
                problems.size(), counts, j.mapVersion(), null, null, j.createdAt(), j.committedAt(), now, j.ledger()));
    }

    @Override
    public void publish(String jobId, int attempt, Integer mapVersion, ImportJob.Summary summary, List<ImportProblem> problems,
                        Instant now) {
        ImportJob j = owned(jobId, attempt);
        Map<String, Integer> counts = counts(problems);
        jobs.put(jobId, new ImportJob(j.id(), j.createdBy(), j.admin(), j.scope(), State.PUBLISHED, j.datum(), j.cellPrecision(),
                j.note(), j.parts(), attempt, j.progress(), problems.subList(0, Math.min(problems.size(), ImportJob.MAX_PROBLEMS_KEPT)),
                problems.size(), counts, mapVersion, summary, null, j.createdAt(), j.committedAt(), now, j.ledger()));
    }

    @Override
    public void fail(String jobId, int attempt, String failure, Instant now) {
        ImportJob j = owned(jobId, attempt);
        jobs.put(jobId, new ImportJob(j.id(), j.createdBy(), j.admin(), j.scope(), State.FAILED, j.datum(), j.cellPrecision(),
                j.note(), j.parts(), attempt, j.progress(), List.of(), 0, Map.of(), j.mapVersion(), null, failure, j.createdAt(),
                j.committedAt(), now, j.ledger()));
    }

    private static ImportJob with(ImportJob j, State state, Set<String> parts, int attempt, Progress progress, Integer version) {
        return new ImportJob(j.id(), j.createdBy(), j.admin(), j.scope(), state, j.datum(), j.cellPrecision(), j.note(), parts,
                attempt, progress, j.problems(), j.problemCount(), j.problemCounts(), version, j.summary(), j.failure(),
                j.createdAt(), j.committedAt(), j.finishedAt(), j.ledger());
    }

    private static Map<String, Integer> counts(List<ImportProblem> problems) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ImportProblem p : problems) counts.merge(p.problem().name(), 1, Integer::sum);
        return counts;
    }
}
