package org.linli.kpi;

/**
 * The counts a KPI unit keeps per month. {@link #wire} names the JSON field and the DynamoDB
 * attribute; {@link #label} is the CSV header. The first fourteen are folded from cases (each
 * case counts in the month it was opened); the patrol counts come from patrol visits and the
 * month's patrol plan; the visit counts from 包联 visits and
 * bindings (registers.Visits).
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
    PATROL_PLANNED("patrolPlanned", "计划巡查"),
    PATROL_VISITS("patrolVisits", "巡查次数"),
    PATROL_CREDITED("patrolCredited", "计入巡查"),
    VISITS_DUE("visitsDue", "应访户数"),
    VISITS_DONE("visitsDone", "已访户数");

    private final String wire;
    private final String label;

    Counter(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    /** Folded from case events (as opposed to patrols and the plan). */
    public boolean fromCases() {
        return ordinal() <= ESCALATIONS.ordinal();
    }
}
