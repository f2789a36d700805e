package org.linli.volunteer.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.volunteer.Grade;
import org.linli.volunteer.GradingRules;
import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.points.YearAccount;

/**
 * Issue 13 defect 8: the shipped grading rules give the worked examples of docs/volunteers.md
 * ("Worked examples") the grades a community would recognise as fair. The old weights rated an
 * active member with 5/5 ratings and an assessment of 90 不合格, and 不合格 triggers action against
 * a party member.
 */
class GradingExamplesTest {
    private static final GradingRules RULES = VolunteerRules.fromClasspath().grading();

    /** One row of the doc's table: points, assessment (null: not entered), appraisals and beneficiaries' ratings, the total and grade. */
    record Example(String who, int points, String assessment, int[] appraisals, int[] ratings, String total, Grade grade) {}

    static final List<Example> EXAMPLES = List.of(
            new Example("active, well rated", 110, "95", new int[] {5, 5, 5}, new int[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, "98.00", Grade.EXCELLENT),
            new Example("steady", 74, "90", new int[] {4, 4}, new int[] {4, 4, 4, 4, 4, 4}, "86.00", Grade.QUALIFIED),
            new Example("active, few points, rated 5/5 by those served", 12, "90", new int[] {}, new int[] {5, 5, 5, 5, 5}, "75.80", Grade.QUALIFIED),
            new Example("active, middling ratings", 50, "90", new int[] {}, new int[] {3, 3}, "81.00", Grade.QUALIFIED),
            new Example("many points, weak assessment", 101, "75", new int[] {3}, new int[] {5, 5, 5}, "80.00", Grade.QUALIFIED),
            new Example("active but poorly rated", 60, "75", new int[] {2, 2}, new int[] {2, 2}, "60.00", Grade.BASICALLY_QUALIFIED),
            new Example("little service, bad ratings", 10, "70", new int[] {2, 2}, new int[] {1, 1}, "37.00", Grade.UNQUALIFIED),
            new Example("inactive all year, not assessed", 0, null, new int[] {}, new int[] {}, "54.00", Grade.UNQUALIFIED));

    private static YearAccount account(Example e) {
        long resSum = 0;
        for (int a : e.appraisals()) resSum += a;
        long benSum = 0;
        for (int r : e.ratings()) benSum += r;
        return new YearAccount("usr_x", "张三", "DEMO-W1", 2026, e.points(), 0, 0, 0, resSum, e.appraisals().length, benSum,
                e.ratings().length, e.assessment() == null ? null : new BigDecimal(e.assessment()), null);
    }

    @Test
    void theDocsWorkedExamplesGetTheirGrades() {
        List<String> wrong = new ArrayList<>();
        for (Example e : EXAMPLES) {
            GradeRow r = Grading.grade(account(e), RULES);
            if (!r.total().equals(new BigDecimal(e.total())) || r.grade() != e.grade()) {
                wrong.add(e.who() + ": " + r.total() + " " + r.grade() + ", expected " + e.total() + " " + e.grade());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void anActiveMemberRatedFiveByThoseHeServedAndAssessed90IsNeverUnqualified() {
        for (int points = 0; points <= 120; points++) {
            Example e = new Example("active", points, "90", new int[] {}, new int[] {5, 5, 5, 5, 5}, null, null);
            Grade g = Grading.grade(account(e), RULES).grade();
            assertNotEquals(Grade.UNQUALIFIED, g, points + " points");
            // From five verified hours (10 points) on, 合格 at least.
            if (points >= 10) assertTrue(g == Grade.QUALIFIED || g == Grade.EXCELLENT, points + " points: " + g);
        }
    }
}
