package org.linli.kpi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks siblings by composite score, highest first; equal scores share a rank and the next rank
 * skips (1, 2, 2, 4), ties listed by code; units without a score come last, unranked.
 */
public final class Ranking {
    private Ranking() {}

    public record Row(String code, Figures figures, Integer rank) {}

    public static List<Row> rank(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((Row r) -> r.figures().score() == null)
                .thenComparing((Row r) -> r.figures().score() == null ? 0 : -r.figures().score())
                .thenComparing(Row::code));
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Row r = sorted.get(i);
            Integer rank = null;
            if (r.figures().score() != null) {
                rank = i + 1;
                if (i > 0 && out.get(i - 1).rank() != null && r.figures().score().equals(sorted.get(i - 1).figures().score())) {
                    rank = out.get(i - 1).rank();
                }
            }
            out.add(new Row(r.code(), r.figures(), rank));
        }
        return out;
    }
}
