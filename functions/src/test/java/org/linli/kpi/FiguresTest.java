package org.linli.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTest {
    private static final KpiSettings SETTINGS = KpiSettings.parse("""
            {"satisfaction":{"basicallySatisfiedWeight":0.8},
             "score":{"weights":{"response":10,"resolution":45,"satisfaction":45}},
             "patrol":{"visitsPerMicroGrid":4}}""");

    private static Tally tally(Object... pairs) {
        Map<Counter, Long> m = new EnumMap<>(Counter.class);
        for (int i = 0; i < pairs.length; i += 2) m.put((Counter) pairs[i], ((Number) pairs[i + 1]).longValue());
        return Tally.of(m);
    }

    @Test
    void ratesFollowTheFormulasByHand() {
        // 20 received, 2 merged, 3 rejected; 15 answered on time; 9 closed, 7 of them confirmed solved; 12 handled;
        // verdicts: 6 satisfied, 2 basically, 2 dissatisfied; patrols: 30 credited of 32 planned.
        Tally t = tally(Counter.RECEIVED, 20, Counter.MERGED, 2, Counter.REJECTED, 3, Counter.RESPONDED_ON_TIME, 15,
                Counter.CLOSED, 9, Counter.RESOLVED, 7, Counter.HANDLED, 12, Counter.SATISFIED, 6,
                Counter.BASICALLY_SATISFIED, 2, Counter.DISSATISFIED, 2, Counter.PATROL_PLANNED, 32, Counter.PATROL_CREDITED, 30);
        Figures f = Figures.of(t, SETTINGS);
        assertEquals(0.8333, f.rate(Rate.RESPONSE), "15 / (20 - 2)");
        assertEquals(0.4667, f.rate(Rate.RESOLUTION), "7 / (20 - 2 - 3)");
        assertEquals(0.76, f.rate(Rate.SATISFACTION), "(6 + 0.8 x 2) / 10");
        assertEquals(0.6, f.rate(Rate.DISPOSAL), "12 / 20");
        assertEquals(0.6, f.rate(Rate.COMPLETION), "9 / 15");
        assertEquals(0.9375, f.rate(Rate.PATROL), "30 / 32");
        // (10 x 15/18 + 45 x 7/15 + 45 x 0.76) / 100 x 100
        double expected = (10 * 15.0 / 18 + 45 * 7.0 / 15 + 45 * 0.76);
        assertEquals(Math.round(expected * 100) / 100.0, f.score());
    }

    @Test
    void undefinedRatesAreNullAndDropOutOfTheScore() {
        Figures empty = Figures.of(Tally.ZERO, SETTINGS);
        for (Rate r : Rate.values()) assertNull(empty.rate(r), r.wire());
        assertNull(empty.score());
        // Cases but no verdict yet: the score is response and resolution, re-weighted over 55.
        Figures f = Figures.of(tally(Counter.RECEIVED, 4, Counter.RESPONDED_ON_TIME, 4, Counter.RESOLVED, 2), SETTINGS);
        assertNull(f.rate(Rate.SATISFACTION));
        assertEquals(Math.round((10 * 1.0 + 45 * 0.5) / 55 * 10000) / 100.0, f.score());
    }

    @Test
    void weightsAreConfigurationAndChecked() {
        KpiSettings patrolOnly = KpiSettings.parse("{\"score\":{\"weights\":{\"patrol\":1,\"response\":0}}}");
        assertEquals(50.0, Figures.of(tally(Counter.PATROL_PLANNED, 8, Counter.PATROL_CREDITED, 4), patrolOnly).score());
        assertEquals(4, patrolOnly.visitsPerMicroGrid(), "default");
        assertThrows(IllegalArgumentException.class, () -> KpiSettings.parse("{\"score\":{\"weights\":{\"speed\":1}}}"));
        assertThrows(IllegalArgumentException.class, () -> KpiSettings.parse("{\"score\":{\"weights\":{}}}"));
        assertThrows(IllegalArgumentException.class,
                () -> KpiSettings.parse("{\"satisfaction\":{\"basicallySatisfiedWeight\":1.5},\"score\":{\"weights\":{\"response\":1}}}"));
        KpiSettings.fromClasspath();
    }

    @Test
    void rankingSharesRanksOnTiesAndPutsUnscoredLast() {
        Figures high = Figures.of(tally(Counter.RECEIVED, 1, Counter.RESPONDED_ON_TIME, 1, Counter.RESOLVED, 1), SETTINGS);
        Figures low = Figures.of(tally(Counter.RECEIVED, 2, Counter.RESPONDED_ON_TIME, 1), SETTINGS);
        Figures none = Figures.of(Tally.ZERO, SETTINGS);
        List<Ranking.Row> ranked = Ranking.rank(List.of(new Ranking.Row("C", low, null), new Ranking.Row("Z", none, null),
                new Ranking.Row("B", high, null), new Ranking.Row("A", high, null)));
        assertEquals(List.of("A", "B", "C", "Z"), ranked.stream().map(Ranking.Row::code).toList());
        assertEquals(java.util.Arrays.asList(1, 1, 3, null), ranked.stream().map(Ranking.Row::rank).toList());
    }
}
