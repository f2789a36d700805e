package org.linli.organisations;

/**
 * One organisation's verified service in a period: how many of its linked volunteers served and
 * their verified minutes together. No personal data: it may be shown to the whole community.
 */
public record OrganisationHours(String organisationId, String name, OrganisationKind kind, int members, int activeMembers,
                                int minutes) {}
