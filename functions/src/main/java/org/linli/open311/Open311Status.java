package org.linli.open311;

import org.linli.cases.Case;
import org.linli.cases.CaseStatus;

/**
 * Linli's twelve case states on Open311's two: {@code closed} for CLOSED, REJECTED and MERGED (the
 * case is finished with, one way or another), {@code open} for everything else; the status notes
 * say what stands behind it in words a resident reads: the step, and once there is one the
 * worker's result (处置结果) or the reason a request was not taken up. The caller masks them (they
 * are public reads).
 */
public final class Open311Status {
    private Open311Status() {}

    public static String status(Case c) {
        return c.status().open() ? "open" : "closed";
    }

    public static String notes(Case c) {
        return notes(c, null);
    }

    /** {@code rejection}: the reason recorded with the case's REJECT, when the caller read it. */
    public static String notes(Case c, String rejection) {
        String text = switch (c.status()) {
            case UNASSIGNED -> "已立案，等待派单";
            case ASSIGNED -> "已派单，等待网格员受理";
            case ACCEPTED -> "已受理，正在处置";
            case IN_PROGRESS -> "正在现场处置";
            case COORDINATING -> "街道已吹哨，相关部门正在协同处置";
            case ESCALATED -> "已上报上级协调处置";
            case RESOLVED -> "已处置，等待反馈结果";
            case FED_BACK -> "处置结果已反馈，等待评价";
            case REWORK -> "正在重新处置";
            case CLOSED -> c.closure() == null ? "已办结" : switch (c.closure()) {
                case SATISFIED -> "已办结：群众满意";
                case BASICALLY_SATISFIED -> "已办结：群众基本满意";
                case UNCONFIRMED -> "已办结：反馈后未评价";
                case STAFF_CLOSED -> "已办结";
            };
            case REJECTED -> rejection == null || rejection.isBlank() ? "不属于受理范围，未予受理" : "未予受理：" + rejection.strip();
            case MERGED -> "重复诉求，已并入 " + c.mergedInto();
        };
        boolean resultShown = c.resolution() != null && c.resolution().result() != null && !c.resolution().result().isBlank()
                && switch (c.status()) {
                    case RESOLVED, FED_BACK, CLOSED -> true;
                    default -> false;
                };
        return resultShown ? text + "。处置结果：" + c.resolution().result().strip() : text;
    }

    /** The statuses a filter value names. */
    public static boolean matches(CaseStatus s, String open311Status) {
        return open311Status.equals(s.open() ? "open" : "closed");
    }
}
