package org.linli.volunteer;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Weights of the four parts of a year-end grade (points, the party organisation's assessment,
 * residents' appraisal, beneficiaries' ratings; they add up to 1), the points that make a full
 * points score, the scores used when an assessment or ratings are missing, and the minimum total
 * of each grade but the last.
 */
public record GradingRules(BigDecimal pointsWeight, BigDecimal assessmentWeight, BigDecimal residentsWeight,
                           BigDecimal beneficiariesWeight, int pointsForFullScore, BigDecimal missingAssessmentScore,
                           BigDecimal noRatingsScore, Map<Grade, BigDecimal> thresholds) {
    public GradingRules {
        thresholds = Map.copyOf(new EnumMap<>(thresholds));
        BigDecimal sum = pointsWeight.add(assessmentWeight).add(residentsWeight).add(beneficiariesWeight);
        if (sum.compareTo(BigDecimal.ONE) != 0) throw new IllegalArgumentException("grading weights add up to " + sum + ", not 1");
        if (pointsForFullScore <= 0) throw new IllegalArgumentException("pointsForFullScore must be positive");
        BigDecimal previous = null;
        for (Grade g : Grade.values()) {
            if (g == Grade.UNQUALIFIED) continue;
            BigDecimal t = thresholds.get(g);
            if (t == null) throw new IllegalArgumentException("no threshold for " + g);
            if (previous != null && t.compareTo(previous) >= 0) throw new IllegalArgumentException("thresholds must fall from EXCELLENT down");
            previous = t;
        }
    }

    /** The grade a total earns: the best grade whose threshold it reaches. */
    public Grade gradeFor(BigDecimal total) {
        for (Grade g : Grade.values()) {
            if (g == Grade.UNQUALIFIED || total.compareTo(thresholds.get(g)) >= 0) return g;
        }
        return Grade.UNQUALIFIED;
    }
}
