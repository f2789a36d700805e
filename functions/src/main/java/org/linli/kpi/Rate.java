package org.linli.kpi;

/** The rates computed from a unit's counts (formulas in docs/kpis.md); {@link #wire} names them in JSON and configuration. */
public enum Rate {
    RESPONSE("response", "响应率"),
    RESOLUTION("resolution", "解决率"),
    SATISFACTION("satisfaction", "满意率"),
    DISPOSAL("disposal", "处置率"),
    COMPLETION("completion", "办结率"),
    PATROL("patrol", "巡查率"),
    VISIT("visit", "走访率");

    private final String wire;
    private final String label;

    Rate(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    public static Rate fromWire(String s) {
        for (Rate r : values()) if (r.wire.equals(s)) return r;
        throw new IllegalArgumentException("unknown rate '" + s + "'");
    }
}
