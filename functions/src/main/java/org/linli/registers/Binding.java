package org.linli.registers;

import java.time.Instant;

/** 包联: the member or grid worker bound to a care household, the rhythm of his visits, since when and by whom. */
public record Binding(String userId, Rhythm rhythm, Instant since, String boundBy) {}
