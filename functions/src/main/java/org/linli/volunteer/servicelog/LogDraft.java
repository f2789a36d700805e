package org.linli.volunteer.servicelog;

import java.time.Instant;
import java.util.List;

/** A service log as the member sent it, its fields well-formed but not yet checked against his day. */
public record LogDraft(String community, String type, Instant start, Instant end, String beneficiaryId, String wishId,
                       String description, List<String> evidenceKeys) {
    public LogDraft {
        evidenceKeys = List.copyOf(evidenceKeys);
    }
}
