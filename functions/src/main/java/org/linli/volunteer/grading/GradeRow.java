package org.linli.volunteer.grading;

import java.math.BigDecimal;
import java.time.Instant;
import org.linli.volunteer.Grade;

/**
 * One member's year-end result: the four part scores (0-100), the weighted total, the grade the
 * rules give, and a staff adjustment with its recorded reason, if any. {@link #grade()} is final.
 */
public record GradeRow(String memberId, String memberName, int points, BigDecimal pointsScore, BigDecimal assessmentScore,
                       boolean assessmentMissing, BigDecimal residentScore, long residentCount, BigDecimal beneficiaryScore,
                       long beneficiaryCount, BigDecimal total, Grade computed, Grade adjusted, String adjustReason,
                       String adjustedBy, Instant adjustedAt) {

    public Grade grade() {
        return adjusted != null ? adjusted : computed;
    }

    public GradeRow adjustedTo(Grade g, String reason, String by, Instant at) {
        return new GradeRow(memberId, memberName, points, pointsScore, assessmentScore, assessmentMissing, residentScore,
                residentCount, beneficiaryScore, beneficiaryCount, total, computed, g, reason, by, at);
    }

    /** This fresh computation, keeping the earlier row's adjustment. */
    public GradeRow keepingAdjustmentOf(GradeRow earlier) {
        if (earlier == null || earlier.adjusted() == null) return this;
        return adjustedTo(earlier.adjusted(), earlier.adjustReason(), earlier.adjustedBy(), earlier.adjustedAt());
    }
}
