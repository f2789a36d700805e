package org.linli.volunteer.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.linli.volunteer.Grade;
import org.linli.volunteer.GradingRules;
import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.points.YearAccount;

/**
 * Grades against hand computation with the shipped rules: weights points 0.20, assessment 0.40,
 * residents 0.20, beneficiaries 0.20; 50 points = full points score; a missing assessment scores
 * 60, no ratings 75; EXCELLENT ≥ 90, QUALIFIED ≥ 75, BASICALLY_QUALIFIED ≥ 60 (GradingExamplesTest:
 * the worked examples of docs/volunteers.md).
 */
class GradingTest {
    private static final GradingRules RULES = VolunteerRules.fromClasspath().grading();

    private static YearAccount account(int points, String assessment, long resSum, long resCount, long benSum, long benCount) {
        return new YearAccount("usr_x", "张三", "DEMO-W1", 2026, points, 0, 0, 0, resSum, resCount, benSum, benCount,
                assessment == null ? null : new BigDecimal(assessment), null);
    }

    @Test
    void anActiveWellRatedMemberIsExcellent() {
        // points 120 → 100 (capped); assessment 95; residents 5.0 → 100; beneficiaries 18/4 = 4.5 → 87.5
        // 0.2×100 + 0.4×95 + 0.2×100 + 0.2×87.5 = 20 + 38 + 20 + 17.5 = 95.50
        GradeRow r = Grading.grade(account(120, "95", 15, 3, 18, 4), RULES);
        assertEquals(new BigDecimal("100.00"), r.pointsScore());
        assertEquals(new BigDecimal("87.50"), r.beneficiaryScore());
        assertEquals(new BigDecimal("95.50"), r.total());
        assertEquals(Grade.EXCELLENT, r.grade());
    }

    @Test
    void missingAssessmentAndRatingsUseTheConfiguredDefaults() {
        // points 37 → 74; assessment missing → 60; no appraisals → 75; beneficiaries 7/2 = 3.5 → 62.5
        // 14.8 + 24 + 15 + 12.5 = 66.30
        GradeRow r = Grading.grade(account(37, null, 0, 0, 7, 2), RULES);
        assertTrue(r.assessmentMissing());
        assertEquals(new BigDecimal("75.00"), r.residentScore());
        assertEquals(new BigDecimal("66.30"), r.total());
        assertEquals(Grade.BASICALLY_QUALIFIED, r.grade());
    }

    @Test
    void negativePointsScoreZeroAndAnAverageOfOneScoresZero() {
        GradeRow r = Grading.grade(account(-6, "50", 2, 2, 1, 1), RULES);
        assertEquals(new BigDecimal("0.00"), r.pointsScore());
        assertEquals(new BigDecimal("0.00"), r.beneficiaryScore());
        assertEquals(new BigDecimal("20.00"), r.total()); // 0.4 × 50
    }

    @Test
    void thresholdsAreInclusiveMinimums() {
        assertEquals(Grade.EXCELLENT, RULES.gradeFor(new BigDecimal("90.00")));
        assertEquals(Grade.QUALIFIED, RULES.gradeFor(new BigDecimal("89.99")));
        assertEquals(Grade.QUALIFIED, RULES.gradeFor(new BigDecimal("75")));
        assertEquals(Grade.BASICALLY_QUALIFIED, RULES.gradeFor(new BigDecimal("74.99")));
        assertEquals(Grade.BASICALLY_QUALIFIED, RULES.gradeFor(new BigDecimal("60.00")));
        assertEquals(Grade.UNQUALIFIED, RULES.gradeFor(new BigDecimal("59.99")));
    }

    @Test
    void anAdjustmentOverridesTheComputedGradeAndSurvivesARecomputation() {
        GradeRow computed = Grading.grade(account(0, null, 0, 0, 0, 0), RULES);
        GradeRow adjusted = computed.adjustedTo(Grade.BASICALLY_QUALIFIED, "外派", "usr_staff", java.time.Instant.EPOCH);
        assertEquals(Grade.UNQUALIFIED, adjusted.computed());
        assertEquals(Grade.BASICALLY_QUALIFIED, adjusted.grade());
        GradeRow again = Grading.grade(account(5, null, 0, 0, 0, 0), RULES).keepingAdjustmentOf(adjusted);
        assertEquals(Grade.BASICALLY_QUALIFIED, again.grade());
        assertEquals("外派", again.adjustReason());
    }

    @Test
    void weightsMustAddUpToOneAndThresholdsMustFall() {
        String config = """
                {"points":{"perVerifiedHour":2,"perFulfilledWish":5,"ratingPoints":{"1":-2,"2":-1,"3":0,"4":1,"5":2},"monthlyCap":60},
                 "serviceLog":{"maxHoursPerDay":8,"maxAge":"P31D","clockSkew":"PT5M","types":[{"code":"x","name":"X"}]},
                 "wishes":{"minLead":"PT1H","maxHorizon":"P90D","claimWindow":"P3D","serveWindow":"P7D"},
                 "grading":{"weights":{"points":0.5,"assessment":0.3,"residents":0.15,"beneficiaries":0.15},"pointsForFullScore":100,
                  "missingAssessmentScore":60,"noRatingsScore":60,"thresholds":{"EXCELLENT":90,"QUALIFIED":75,"BASICALLY_QUALIFIED":60}}}""";
        assertThrows(IllegalArgumentException.class, () -> VolunteerRules.parse(config));
        assertThrows(IllegalArgumentException.class, () -> VolunteerRules.parse(config.replace("\"points\":0.5", "\"points\":0.4")
                .replace("\"QUALIFIED\":75", "\"QUALIFIED\":95")));
        VolunteerRules.parse(config.replace("\"points\":0.5", "\"points\":0.4")); // valid
    }
}
