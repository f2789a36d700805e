package org.linli.cycle;

import java.time.YearMonth;
import java.util.Optional;
import org.linli.core.Page;

/** Dispatch checkpoints and monthly summaries. */
public interface CycleStore {
    /** The checkpoint of one cycle step in one community, read consistently; empty before the first page. */
    Optional<Checkpoint> checkpoint(String cycleId, String community);

    /** Writes {@code next} over version {@code next.version() - 1} (absent for version 1); false when it moved meanwhile. */
    boolean save(Checkpoint next);

    Optional<MonthlySummary> summary(String community, YearMonth month);

    /** A community's summaries, newest month first. */
    Page<MonthlySummary> summaries(String community, int limit, String cursor);

    /** Stores the summary unless one is stored for its community and month; returns the stored one. */
    MonthlySummary keep(MonthlySummary summary);
}
