package org.linli.volunteer.points;

import java.math.BigDecimal;

/**
 * A member's year in one community: net points, verified service, fulfilled wishes, the sums and
 * counts of residents' appraisals and of beneficiaries' ratings, and the party organisation's
 * assessment (0-100, null until entered). What the grading reads, one item per member and year.
 */
public record YearAccount(String memberId, String memberName, String community, int year, int points, int verifiedMinutes,
                          int servicesVerified, int wishesFulfilled, long residentSum, long residentCount,
                          long beneficiarySum, long beneficiaryCount, BigDecimal assessment, String assessmentNote) {

    public static YearAccount empty(String memberId, String memberName, String community, int year) {
        return new YearAccount(memberId, memberName, community, year, 0, 0, 0, 0, 0, 0, 0, 0, null, null);
    }

    public Double beneficiaryAverage() {
        return beneficiaryCount == 0 ? null : (double) beneficiarySum / beneficiaryCount;
    }

    public Double residentAverage() {
        return residentCount == 0 ? null : (double) residentSum / residentCount;
    }
}
