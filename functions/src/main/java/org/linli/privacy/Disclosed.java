package org.linli.privacy;

import java.util.List;

/**
 * What a route showed whole, to be recorded once the answer is ready (http.ApiHandler writes it);
 * {@code entryId} when the route names the entry in its answer (a reveal), else null (the edge picks one).
 */
public record Disclosed(List<String> subjects, AccessEntry.Purpose purpose, String reason, String entryId) {
    public Disclosed {
        subjects = List.copyOf(subjects);
    }

    public Disclosed(List<String> subjects, AccessEntry.Purpose purpose, String reason) {
        this(subjects, purpose, reason, null);
    }
}
