package org.linli.volunteer.points;

/** A member's points in one period (a month "2026-11", or a year "2026") of one community: a leaderboard row. */
public record MonthScore(String period, String memberId, String memberName, int points, int verifiedMinutes) {}
