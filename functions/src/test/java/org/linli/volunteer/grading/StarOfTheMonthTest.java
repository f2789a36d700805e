package org.linli.volunteer.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.volunteer.points.MonthScore;

class StarOfTheMonthTest {
    @Test
    void mostPointsWinsThenMoreServiceTimeThenTheLowerId() {
        MonthScore a = new MonthScore("2026-11", "usr_B", "乙", 30, 120);
        MonthScore b = new MonthScore("2026-11", "usr_A", "甲", 30, 120);
        MonthScore c = new MonthScore("2026-11", "usr_C", "丙", 30, 240);
        MonthScore d = new MonthScore("2026-11", "usr_D", "丁", 12, 600);
        assertEquals("usr_C", StarOfTheMonth.pick(List.of(a, b, c, d)).orElseThrow().memberId());
        assertEquals("usr_A", StarOfTheMonth.pick(List.of(a, b, d)).orElseThrow().memberId());
    }

    @Test
    void nobodyWithoutPointsIsAStar() {
        assertTrue(StarOfTheMonth.pick(List.of(new MonthScore("2026-11", "usr_A", "甲", 0, 0),
                new MonthScore("2026-11", "usr_B", "乙", -2, 0))).isEmpty());
    }
}
