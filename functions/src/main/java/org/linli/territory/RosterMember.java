package org.linli.territory;

/** One person on a node's roster. The phone is for staff views only and never logged. */
public record RosterMember(String userId, String name, String phone, StaffRole role, Duty duty) {}
