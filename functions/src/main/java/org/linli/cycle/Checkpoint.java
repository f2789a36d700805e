package org.linli.cycle;

import java.time.Instant;

/**
 * How far the dispatch of one cycle step to one community has got: which of the step's kinds,
 * and the cursor of the next page of its audience. Written after each page, over the version it
 * was read at, so two dispatches of the same work never both move it: the second one stops.
 *
 * @param kindIndex the kind being sent (the step's kinds in order); {@code kinds.size()} when done
 * @param cursor    the audience's next page; null at the start of a kind
 * @param sent      notifications sent so far (a page sent again after a cut-off counts twice)
 * @param pages     pages read so far
 */
public record Checkpoint(String cycleId, String community, int kindIndex, String cursor, long sent, long pages,
                         boolean done, long version, Instant startedAt, Instant updatedAt) {

    public static Checkpoint start(String cycleId, String community, Instant now) {
        return new Checkpoint(cycleId, community, 0, null, 0, 0, false, 0, now, now);
    }

    /** After a page: the next page of the same kind, or the start of the next kind, or done. */
    public Checkpoint after(int sentOnPage, String nextCursor, int kinds, Instant now) {
        int kind = nextCursor == null ? kindIndex + 1 : kindIndex;
        return new Checkpoint(cycleId, community, kind, nextCursor, sent + sentOnPage, pages + 1, kind >= kinds, version + 1,
                startedAt, now);
    }
}
