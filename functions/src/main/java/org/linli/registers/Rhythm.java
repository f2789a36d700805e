package org.linli.registers;

/** How often the bound person visits a care household: 一月一联 (monthly) or 一季一访 (quarterly). */
public enum Rhythm {
    MONTHLY(1), QUARTERLY(3);

    private final int months;

    Rhythm(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
