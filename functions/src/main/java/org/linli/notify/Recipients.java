package org.linli.notify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.territory.Duty;
import org.linli.territory.Roster;
import org.linli.territory.RosterMember;
import org.linli.territory.StaffRole;

/**
 * Who hears of a case event, and as what kind of message. Reporters and followers hear of every
 * outcome; the (new) assignee of what is his to do; the previous one when a case is taken from him;
 * the dispatchers on the roster of the node a case lands at (a queue, an escalation, an overdue
 * flag); summoned and late departments through their own rosters. Never the actor himself.
 */
public final class Recipients {
    private static final Set<CaseAction> REPORTER_OUTCOMES = EnumSet.of(CaseAction.ACCEPT, CaseAction.ADD_NOTE,
            CaseAction.ESCALATE, CaseAction.SUMMON, CaseAction.FEED_BACK, CaseAction.CLOSE, CaseAction.REJECT,
            CaseAction.MERGE, CaseAction.REOPEN);
    private static final Set<CaseAction> QUEUE_ARRIVALS = EnumSet.of(CaseAction.OPEN, CaseAction.RETURN,
            CaseAction.ESCALATE, CaseAction.REOPEN, CaseAction.FLAG_OVERDUE);

    static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("case.assigned", "新案卷待受理"),
            Map.entry("case.queued", "新案卷待派遣"),
            Map.entry("case.escalated", "案卷已升级处理"),
            Map.entry("case.overdue", "案卷超期，请督办"),
            Map.entry("case.summoned", "街道吹哨，请部门报到"),
            Map.entry("case.taken", "案卷已改由他人办理"),
            Map.entry("case.rework", "案卷退回重办"),
            Map.entry("case.coordinating", "已协调相关部门联合处置"),
            Map.entry("case.accepted", "您反映的问题已受理"),
            Map.entry("case.progress", "处置进展更新"),
            Map.entry("case.fed_back", "处置结果已反馈，请评价"),
            Map.entry("case.closed", "案卷已办结"),
            Map.entry("case.rejected", "您反映的问题不予受理"),
            Map.entry("case.merged", "您反映的问题已并入同类案卷"),
            Map.entry("case.reopened", "案卷已重新打开"),
            Map.entry("case.joined", "附近已有同类案卷，您的反映已并入并将收到进展"));

    private Recipients() {}

    public record Recipient(String userId, String kind) {
        public String title() {
            return TITLES.get(kind);
        }
    }

    /** The roster nodes {@link #of} needs for this event: one batch read. */
    public static Set<String> rosterNodes(CaseEvent e) {
        Set<String> nodes = new LinkedHashSet<>();
        if (landsAtNode(e)) nodes.add(e.tierNode());
        nodes.addAll(departments(e));
        return nodes;
    }

    public static List<Recipient> of(CaseEvent e, Map<String, Roster> rosters) {
        Map<String, String> out = new LinkedHashMap<>();
        CaseAction a = e.action();
        if (e.assigneeId() != null) {
            boolean newWork = a == CaseAction.OPEN || a == CaseAction.DISPATCH || a == CaseAction.REDISPATCH;
            if (newWork) out.putIfAbsent(e.assigneeId(), "case.assigned");
            else if (e.to() == CaseStatus.REWORK && e.from() != CaseStatus.REWORK) out.putIfAbsent(e.assigneeId(), "case.rework");
        }
        if (e.previousAssigneeId() != null && !e.previousAssigneeId().equals(e.assigneeId()) && a != CaseAction.RETURN) {
            out.putIfAbsent(e.previousAssigneeId(), "case.taken");
        }
        if (REPORTER_OUTCOMES.contains(a)) {
            String kind = "case." + switch (a) {
                case ACCEPT -> "accepted";
                case ADD_NOTE -> "progress";
                case FEED_BACK -> "fed_back";
                case CLOSE -> "closed";
                case REJECT -> "rejected";
                case MERGE -> "merged";
                case REOPEN -> "reopened";
                case ESCALATE -> "escalated";
                case SUMMON -> "coordinating";
                default -> throw new IllegalStateException(a.name());
            };
            for (String r : e.reporterIds()) out.putIfAbsent(r, kind);
        }
        if (a == CaseAction.JOIN && e.detail("reporterId") != null) out.putIfAbsent(e.detail("reporterId"), "case.joined");
        if (landsAtNode(e)) {
            String kind = a == CaseAction.FLAG_OVERDUE ? "case.overdue" : a == CaseAction.ESCALATE ? "case.escalated" : "case.queued";
            for (String d : dispatchers(rosters.get(e.tierNode()))) out.putIfAbsent(d, kind);
        }
        for (String dept : departments(e)) {
            String kind = a == CaseAction.SUMMON ? "case.summoned" : "case.overdue";
            for (String d : dispatchers(rosters.get(dept))) out.putIfAbsent(d, kind);
        }
        out.remove(e.actorId());
        List<Recipient> list = new ArrayList<>();
        out.forEach((user, kind) -> list.add(new Recipient(user, kind)));
        return list;
    }

    /** Events that put the case before a node's dispatchers: arrivals in a queue, escalations, overdue flags. */
    private static boolean landsAtNode(CaseEvent e) {
        if (!QUEUE_ARRIVALS.contains(e.action())) return false;
        return e.to().inQueue() || e.action() == CaseAction.ESCALATE || e.action() == CaseAction.FLAG_OVERDUE;
    }

    private static List<String> departments(CaseEvent e) {
        String csv = e.action() == CaseAction.SUMMON ? e.detail("departments")
                : e.action() == CaseAction.ESCALATE ? e.detail("lateDepartments") : null;
        return csv == null ? List.of() : List.of(csv.split(","));
    }

    /** The dispatchers of a roster who are not on leave: the staff a node's messages go to. */
    public static List<String> dispatchers(Roster roster) {
        if (roster == null) return List.of();
        List<String> out = new ArrayList<>();
        for (RosterMember m : roster.members()) {
            if (m.role() == StaffRole.DISPATCHER && m.duty() != Duty.ON_LEAVE) out.add(m.userId());
        }
        return out;
    }
}
