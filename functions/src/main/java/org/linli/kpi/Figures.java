package org.linli.kpi;

import java.util.EnumMap;
import java.util.Map;

/**
 * A unit's month as read: its counts, the rates computed from them (null where the denominator is
 * zero: no cases, no verdicts, no plan) and the composite score (0-100, null when no weighted rate
 * is defined). Computed at read time, so a change of weights applies at once to every month.
 */
public record Figures(Tally tally, Map<Rate, Double> rates, Double score) {
    public static Figures of(Tally t, KpiSettings s) {
        long received = t.get(Counter.RECEIVED);
        long valid = received - t.get(Counter.MERGED);
        long ours = valid - t.get(Counter.REJECTED);
        long verdicts = t.get(Counter.SATISFIED) + t.get(Counter.BASICALLY_SATISFIED) + t.get(Counter.DISSATISFIED);
        EnumMap<Rate, Double> r = new EnumMap<>(Rate.class);
        r.put(Rate.RESPONSE, ratio(t.get(Counter.RESPONDED_ON_TIME), valid));
        r.put(Rate.RESOLUTION, ratio(t.get(Counter.RESOLVED), ours));
        r.put(Rate.SATISFACTION, ratio(t.get(Counter.SATISFIED) + s.basicallySatisfiedWeight() * t.get(Counter.BASICALLY_SATISFIED),
                verdicts));
        r.put(Rate.DISPOSAL, ratio(t.get(Counter.HANDLED), received));
        r.put(Rate.COMPLETION, ratio(t.get(Counter.CLOSED), ours));
        r.put(Rate.PATROL, ratio(t.get(Counter.PATROL_CREDITED), t.get(Counter.PATROL_PLANNED)));
        r.put(Rate.VISIT, ratio(t.get(Counter.VISITS_DONE), t.get(Counter.VISITS_DUE)));
        double weighted = 0;
        double weights = 0;
        for (var w : s.scoreWeights().entrySet()) {
            Double rate = r.get(w.getKey());
            if (rate == null) continue;
            weighted += w.getValue() * rate;
            weights += w.getValue();
        }
        Double score = weights == 0 ? null : round(100 * weighted / weights, 2);
        java.util.Map<Rate, Double> rates = new EnumMap<>(Rate.class);
        r.forEach((k, v) -> rates.put(k, v == null ? null : round(v, 4)));
        return new Figures(t, java.util.Collections.unmodifiableMap(rates), score);
    }

    public Double rate(Rate rate) {
        return rates.get(rate);
    }

    private static Double ratio(double numerator, double denominator) {
        return denominator <= 0 ? null : numerator / denominator;
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
