package org.linli.testing;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.core.Page;
import org.linli.cycle.Checkpoint;
import org.linli.cycle.CycleStore;
import org.linli.cycle.MonthlySummary;

/** Checkpoints and summaries in maps, with the adapter's conditions. */
public final class InMemoryCycleStore implements CycleStore {
    public final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();
    public final Map<String, MonthlySummary> summaries = new ConcurrentHashMap<>();
    public int saves;

    @Override
    public Optional<Checkpoint> checkpoint(String cycleId, String community) {
        return Optional.ofNullable(checkpoints.get(cycleId + "/" + community));
    }

    @Override
    public synchronized boolean save(Checkpoint next) {
        String key = next.cycleId() + "/" + next.community();
        Checkpoint now = checkpoints.get(key);
        long stored = now == null ? 0 : now.version();
        if (stored != next.version() - 1) return false;
        checkpoints.put(key, next);
        saves++;
        return true;
    }

    @Override
    public Optional<MonthlySummary> summary(String community, YearMonth month) {
        return Optional.ofNullable(summaries.get(community + "/" + month));
    }

    @Override
    public Page<MonthlySummary> summaries(String community, int limit, String cursor) {
        // Pages as the adapter's query does: the cursor is the last month read; a full page has one.
        var page = summaries.values().stream().filter(s -> s.community().equals(community))
                .filter(s -> cursor == null || s.month().isBefore(YearMonth.parse(cursor)))
                .sorted(Comparator.comparing(MonthlySummary::month).reversed()).limit(limit).toList();
        return new Page<>(page, page.size() == limit ? page.get(page.size() - 1).month().toString() : null);
    }

    @Override
    public MonthlySummary keep(MonthlySummary s) {
        MonthlySummary before = summaries.putIfAbsent(s.community() + "/" + s.month(), s);
        return before == null ? s : before;
    }
}
