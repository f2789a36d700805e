package org.linli.volunteer.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.linli.volunteer.GradingRules;
import org.linli.volunteer.points.YearAccount;

/**
 * The year-end grade (一考双评): four part scores on 0-100, weighted by configuration, then
 * thresholds. Part scores and the total are rounded half-up to two decimals, so a grade can be
 * recomputed by hand.
 * <ul>
 *   <li>points: {@code min(100, max(0, points) × 100 / pointsForFullScore)}</li>
 *   <li>assessment (the party organisation's 考): as entered, or {@code missingAssessmentScore}</li>
 *   <li>residents' appraisal and beneficiaries' ratings (双评): an average {@code a} of 1-5 scores
 *       maps to {@code (a − 1) × 25}; none at all gives {@code noRatingsScore}</li>
 * </ul>
 */
public final class Grading {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal QUARTER_HUNDRED = BigDecimal.valueOf(25);

    private Grading() {}

    public static GradeRow grade(YearAccount a, GradingRules rules) {
        BigDecimal pointsScore = round(BigDecimal.valueOf(Math.max(0, a.points())).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(rules.pointsForFullScore()), 6, RoundingMode.HALF_UP).min(HUNDRED));
        boolean missing = a.assessment() == null;
        BigDecimal assessment = round(missing ? rules.missingAssessmentScore() : a.assessment());
        BigDecimal residents = ratingScore(a.residentSum(), a.residentCount(), rules);
        BigDecimal beneficiaries = ratingScore(a.beneficiarySum(), a.beneficiaryCount(), rules);
        BigDecimal total = round(rules.pointsWeight().multiply(pointsScore)
                .add(rules.assessmentWeight().multiply(assessment))
                .add(rules.residentsWeight().multiply(residents))
                .add(rules.beneficiariesWeight().multiply(beneficiaries)));
        return new GradeRow(a.memberId(), a.memberName(), a.points(), pointsScore, assessment, missing, residents,
                a.residentCount(), beneficiaries, a.beneficiaryCount(), total, rules.gradeFor(total), null, null, null, null);
    }

    static BigDecimal ratingScore(long sum, long count, GradingRules rules) {
        if (count == 0) return round(rules.noRatingsScore());
        return round(BigDecimal.valueOf(sum - count).multiply(QUARTER_HUNDRED).divide(BigDecimal.valueOf(count), 6, RoundingMode.HALF_UP));
    }

    private static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
