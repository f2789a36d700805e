package org.linli.volunteer;

/** Year-end grades, best first (优秀 / 合格 / 基本合格 / 不合格). */
public enum Grade {
    EXCELLENT("优秀"),
    QUALIFIED("合格"),
    BASICALLY_QUALIFIED("基本合格"),
    UNQUALIFIED("不合格");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
