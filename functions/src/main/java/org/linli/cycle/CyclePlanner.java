package org.linli.cycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.volunteer.membership.Community;

/**
 * What a schedule firing starts: for each district that has the step today, one piece of
 * dispatch work per community under it, sent to the dispatch queue (ten per call). Sending them
 * again - a scheduler retry, a re-fired schedule - is harmless: each is carried on from its
 * checkpoint, and a finished one does nothing.
 */
public final class CyclePlanner {
    private final CycleConfig config;
    private final DistrictCommunities territory;
    private final DispatchQueue queue;

    public CyclePlanner(CycleConfig config, DistrictCommunities territory, DispatchQueue queue) {
        this.config = config;
        this.territory = territory;
        this.queue = queue;
    }

    public record Plan(String step, List<String> cycles, int communities) {}

    /** @throws IllegalArgumentException when no calendar has the step (a schedule the configuration does not know) */
    public Plan plan(String step, Instant at) {
        if (!config.stepNames().contains(step)) {
            throw new IllegalArgumentException("no calendar has a step '" + step + "'; there are " + config.stepNames());
        }
        List<String> cycles = new ArrayList<>();
        List<DispatchWork> work = new ArrayList<>();
        for (Occurrence o : config.due(step, at)) {
            cycles.add(o.cycleId());
            for (Community c : territory.communitiesUnder(o.district())) work.add(DispatchWork.of(o, c.code()));
        }
        if (!work.isEmpty()) queue.enqueue(work);
        return new Plan(step, cycles, work.size());
    }
}
