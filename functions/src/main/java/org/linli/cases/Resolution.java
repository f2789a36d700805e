package org.linli.cases;

import java.time.Instant;
import java.util.List;

/** The handling result (处置结果) with its evidence photos, as recorded by {@code resolve} or the last task. */
public record Resolution(String result, List<String> evidence, String resolvedBy, Instant resolvedAt) {
    public Resolution {
        evidence = List.copyOf(evidence);
    }
}
