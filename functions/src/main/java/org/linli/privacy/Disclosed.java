package org.linli.privacy;

import java.util.List;

/** What a route showed whole, to be recorded once the answer is ready (http.ApiHandler writes it). */
public record Disclosed(List<String> subjects, AccessEntry.Purpose purpose, String reason) {
    public Disclosed {
        subjects = List.copyOf(subjects);
    }
}
