package org.linli.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.linli.categories.MatterType;
import org.linli.core.Ids;

/**
 * One transition of one case: the audit entry (immutable, written in the same transaction as the
 * change) and the {@code case.event} message sent after it. {@code version} is the case version
 * the transition produced, so a case's entries are numbered 1, 2, 3... without gaps. {@code from}
 * is null for OPEN. {@code note} and {@code attachments} stay in the audit trail; the message
 * carries only ids and codes (see the SQS codec).
 */
public record CaseEvent(String eventId, String caseId, long version, CaseAction action, CaseStatus from, CaseStatus to,
                        String actorId, String actorRole, Party actedAs, Instant at, String note, List<String> attachments,
                        Instant deadlineBefore, Instant deadlineAfter, Tier tierBefore, Tier tierAfter, String tierNode,
                        String assigneeId, String previousAssigneeId, List<String> reporterIds, List<String> path,
                        String category, MatterType matterType, Map<String, String> details) {
    public CaseEvent {
        attachments = List.copyOf(attachments);
        reporterIds = List.copyOf(reporterIds);
        path = List.copyOf(path);
        details = Map.copyOf(details);
    }

    /** The detail naming the work order (工单) of the case, on every event of a case that answers one. */
    public static final String ORDER_NO = "orderNo";

    public static String eventId(String caseId, long version) {
        return Ids.derived("evt", caseId, Long.toString(version));
    }

    /** The entry describing the change {@code before → after} (before null when the case opens). */
    public static CaseEvent of(Case before, Case after, CaseAction action, Actor actor, String actorRole, Party actedAs,
                               Instant at, String note, List<String> attachments, Map<String, String> details) {
        return new CaseEvent(eventId(after.id(), after.version()), after.id(), after.version(), action,
                before == null ? null : before.status(), after.status(), actor.id(), actorRole, actedAs, at, note,
                attachments, before == null ? null : before.deadline(), after.deadline(),
                before == null ? null : before.tier(), after.tier(), after.tierNode(),
                after.assignee() == null ? null : after.assignee().userId(),
                before == null || before.assignee() == null ? null : before.assignee().userId(),
                after.reporterIds(), after.territoryPath(), after.category(), after.matterType(), withOrder(details, after));
    }

    /** A case of a work order names the order in each of its events: what the hotline outbox keys its reports by. */
    private static Map<String, String> withOrder(Map<String, String> details, Case after) {
        if (after.order() == null || details.containsKey(ORDER_NO)) return details;
        Map<String, String> d = new java.util.LinkedHashMap<>(details);
        d.put(ORDER_NO, after.order().orderNo());
        return d;
    }

    public String detail(String key) {
        return details.get(key);
    }
}
