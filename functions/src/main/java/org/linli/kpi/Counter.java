package org.linli.kpi;

/**
 * The counts a KPI unit keeps per month. {@link #wire} names the JSON field and the DynamoDB
 * attribute; {@link #label} is the CSV header. All but the patrol counts are folded from cases
 * (each case counts in the month it was opened), among them received, closed and satisfied split
 * by the case's source ({@link #source}: the resident mini-program, Open311, the 12345 hotline,
 * 上级交办, 来访); the patrol counts come from patrol visits and the month's patrol plan; the visit
 * counts from 包联 visits and bindings (registers.Visits).
 */
public enum Counter {
    RECEIVED("received", "受理量"),
    MERGED("merged", "合并重复"),
    REJECTED("rejected", "不予受理"),
    RESPONDED("responded", "已响应"),
    RESPONDED_ON_TIME("respondedOnTime", "按时响应"),
    HANDLED("handled", "已处置"),
    RESOLVED("resolved", "已解决"),
    CLOSED("closed", "已办结"),
    SATISFIED("satisfied", "满意"),
    BASICALLY_SATISFIED("basicallySatisfied", "基本满意"),
    DISSATISFIED("dissatisfied", "不满意"),
    OVERDUE("overdue", "超期件数"),
    REWORKS("reworks", "返工次数"),
    ESCALATIONS("escalations", "上报次数"),
    // By where the case came from (its first report's source): received, closed, satisfied - docs/kpis.md.
    RECEIVED_MINI_PROGRAM("receivedMiniProgram", "受理量·小程序", "MINI_PROGRAM", "received"),
    RECEIVED_OPEN311("receivedOpen311", "受理量·Open311", "OPEN311", "received"),
    RECEIVED_HOTLINE("receivedHotline12345", "受理量·12345热线", "HOTLINE_12345", "received"),
    RECEIVED_ASSIGNED("receivedAssigned", "受理量·上级交办", "ASSIGNED", "received"),
    RECEIVED_WALK_IN("receivedWalkIn", "受理量·来访", "WALK_IN", "received"),
    CLOSED_MINI_PROGRAM("closedMiniProgram", "已办结·小程序", "MINI_PROGRAM", "closed"),
    CLOSED_OPEN311("closedOpen311", "已办结·Open311", "OPEN311", "closed"),
    CLOSED_HOTLINE("closedHotline12345", "已办结·12345热线", "HOTLINE_12345", "closed"),
    CLOSED_ASSIGNED("closedAssigned", "已办结·上级交办", "ASSIGNED", "closed"),
    CLOSED_WALK_IN("closedWalkIn", "已办结·来访", "WALK_IN", "closed"),
    SATISFIED_MINI_PROGRAM("satisfiedMiniProgram", "满意·小程序", "MINI_PROGRAM", "satisfied"),
    SATISFIED_OPEN311("satisfiedOpen311", "满意·Open311", "OPEN311", "satisfied"),
    SATISFIED_HOTLINE("satisfiedHotline12345", "满意·12345热线", "HOTLINE_12345", "satisfied"),
    SATISFIED_ASSIGNED("satisfiedAssigned", "满意·上级交办", "ASSIGNED", "satisfied"),
    SATISFIED_WALK_IN("satisfiedWalkIn", "满意·来访", "WALK_IN", "satisfied"),
    PATROL_PLANNED("patrolPlanned", "计划巡查"),
    PATROL_VISITS("patrolVisits", "巡查次数"),
    PATROL_CREDITED("patrolCredited", "计入巡查"),
    VISITS_DUE("visitsDue", "应访户数"),
    VISITS_DONE("visitsDone", "已访户数");

    private final String wire;
    private final String label;
    private final String source;
    private final String measure;

    Counter(String wire, String label) {
        this(wire, label, null, null);
    }

    Counter(String wire, String label, String source, String measure) {
        this.wire = wire;
        this.label = label;
        this.source = source;
        this.measure = measure;
    }

    /** The report source a by-source counter counts ({@code HOTLINE_12345}, ...); null for the others. */
    public String source() {
        return source;
    }

    /** What a by-source counter counts of that source's cases: {@code received}, {@code closed} or {@code satisfied}. */
    public String measure() {
        return measure;
    }

    /** The by-source counter of {@code measure} for cases from {@code source}, if the source is one KPIs split out. */
    public static java.util.Optional<Counter> bySource(String source, String measure) {
        for (Counter c : values()) {
            if (c.source != null && c.source.equals(source) && c.measure.equals(measure)) return java.util.Optional.of(c);
        }
        return java.util.Optional.empty();
    }

    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    /** Folded from case events (as opposed to patrols and the plan, and 包联 visits and bindings). */
    public boolean fromCases() {
        return this != PATROL_PLANNED && this != PATROL_VISITS && this != PATROL_CREDITED && this != VISITS_DUE && this != VISITS_DONE;
    }
}
