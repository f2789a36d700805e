package org.linli.kpi;

import java.util.EnumMap;
import java.util.Map;

/** An immutable set of counts, absent counters being zero. Sums and differences are counter by counter. */
public final class Tally {
    public static final Tally ZERO = new Tally(new EnumMap<>(Counter.class));

    private final EnumMap<Counter, Long> counts;

    private Tally(EnumMap<Counter, Long> counts) {
        this.counts = counts;
    }

    public static Tally of(Map<Counter, Long> counts) {
        EnumMap<Counter, Long> m = new EnumMap<>(Counter.class);
        counts.forEach((k, v) -> {
            if (v != null && v != 0) m.put(k, v);
        });
        return new Tally(m);
    }

    public long get(Counter c) {
        return counts.getOrDefault(c, 0L);
    }

    public Tally with(Counter c, long value) {
        EnumMap<Counter, Long> m = new EnumMap<>(counts);
        if (value == 0) m.remove(c); else m.put(c, value);
        return new Tally(m);
    }

    public Tally plus(Tally other) {
        return combine(other, 1);
    }

    public Tally minus(Tally other) {
        return combine(other, -1);
    }

    private Tally combine(Tally other, int sign) {
        EnumMap<Counter, Long> m = new EnumMap<>(counts);
        other.counts.forEach((k, v) -> {
            long sum = m.getOrDefault(k, 0L) + sign * v;
            if (sum == 0) m.remove(k); else m.put(k, sum);
        });
        return new Tally(m);
    }

    public boolean isZero() {
        return counts.isEmpty();
    }

    /** The non-zero counts. */
    public Map<Counter, Long> asMap() {
        return Map.copyOf(counts);
    }

    /** Only the counters folded from cases (what a case contributes; patrol counts left out). */
    public Tally casePart() {
        EnumMap<Counter, Long> m = new EnumMap<>(Counter.class);
        counts.forEach((k, v) -> {
            if (k.fromCases()) m.put(k, v);
        });
        return new Tally(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally t && t.counts.equals(counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
