package org.linli.territory;

import java.time.Instant;

/**
 * One map version as listed for staff: WRITING while an import writes it (never read by
 * placements), PUBLISHED once complete. {@code current} marks the version new cases use.
 */
public record MapVersion(int version, String state, String note, Instant createdAt, Instant publishedAt,
                         String rootCode, Integer cellPrecision, boolean current) {}
