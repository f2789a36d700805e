package org.linli.consultations;

import java.time.Instant;

/** One step of a consultation's trail: who did what when, with an optional note (staff only). */
public record AuditEntry(Instant at, String by, String action, String note) {}
