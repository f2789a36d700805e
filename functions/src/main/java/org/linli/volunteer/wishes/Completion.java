package org.linli.volunteer.wishes;

import java.time.Instant;
import java.util.List;

/** The member's report that the wish is served, with evidence photos. */
public record Completion(Instant at, String note, List<String> evidenceKeys) {
    public Completion {
        evidenceKeys = List.copyOf(evidenceKeys);
    }
}
