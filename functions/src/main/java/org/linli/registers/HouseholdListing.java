package org.linli.registers;

/**
 * A household as every list shows it: its place, the head's masked name, how many members and
 * how many care categories (never which), and who is bound to it. Stored in clear beside the
 * encrypted fields, so that a list decrypts nothing.
 */
public record HouseholdListing(String id, String community, String buildingCode, String unit, String room, String headMasked,
                               int members, int careCount, String boundTo, Rhythm rhythm) {}
