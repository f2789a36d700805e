package org.linli.registers;

/** One care category (关怀类别): a stable code, its name in the ledgers, and the visit rhythm it asks for. */
public record CareCategory(String code, String name, Rhythm rhythm) {}
