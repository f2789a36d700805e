package org.linli.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.Party;
import org.linli.cases.Tier;
import org.linli.categories.MatterType;
import org.linli.core.Times;
import org.linli.json.Json;

/**
 * {@code {"type":"case.event","v":1,...}} ⇄ {@link CaseEvent}: the audit entry without its free
 * text (notes, results and comments stay in the audit trail; {@code hasNote} says there is one)
 * and without attachments. Ids and codes only: user ids are pseudonymous, no names or phones.
 */
public final class CaseEventMessage {
    public static final String TYPE = "case.event";
    /** Details that are free text: kept out of the message. */
    private static final List<String> TEXT_DETAILS = List.of("reason", "result");

    private CaseEventMessage() {}

    public static String encode(CaseEvent e) {
        ObjectNode o = Json.object().put("type", TYPE).put("v", 1)
                .put("eventId", e.eventId()).put("caseId", e.caseId()).put("version", e.version())
                .put("action", e.action().name())
                .put("to", e.to().name())
                .put("actorId", e.actorId()).put("actorRole", e.actorRole()).put("actedAs", e.actedAs().name())
                .put("at", Times.stored(e.at()))
                .put("hasNote", e.note() != null || e.details().containsKey("reason") || e.details().containsKey("result"))
                .put("tierAfter", e.tierAfter().name()).put("tierNode", e.tierNode())
                .put("category", e.category()).put("matterType", e.matterType().name());
        if (e.from() != null) o.put("from", e.from().name());
        if (e.tierBefore() != null) o.put("tierBefore", e.tierBefore().name());
        if (e.deadlineBefore() != null) o.put("deadlineBefore", Times.stored(e.deadlineBefore()));
        if (e.deadlineAfter() != null) o.put("deadlineAfter", Times.stored(e.deadlineAfter()));
        if (e.assigneeId() != null) o.put("assigneeId", e.assigneeId());
        if (e.previousAssigneeId() != null) o.put("previousAssigneeId", e.previousAssigneeId());
        var reporters = o.putArray("reporterIds");
        e.reporterIds().forEach(reporters::add);
        var path = o.putArray("path");
        e.path().forEach(path::add);
        ObjectNode details = o.putObject("details");
        e.details().forEach((k, v) -> {
            if (!TEXT_DETAILS.contains(k)) details.put(k, v);
        });
        return Json.write(o);
    }

    /** Throws IllegalArgumentException for anything that is not a v1 case.event message. */
    public static CaseEvent decode(String body) {
        JsonNode n = Messages.parse(body, TYPE);
        try {
            Map<String, String> details = new HashMap<>();
            n.path("details").fields().forEachRemaining(f -> details.put(f.getKey(), f.getValue().asText()));
            return new CaseEvent(text(n, "eventId"), text(n, "caseId"), n.path("version").asLong(),
                    CaseAction.valueOf(text(n, "action")), n.hasNonNull("from") ? CaseStatus.valueOf(n.get("from").asText()) : null,
                    CaseStatus.valueOf(text(n, "to")), text(n, "actorId"), text(n, "actorRole"), Party.valueOf(text(n, "actedAs")),
                    Instant.parse(text(n, "at")), null, List.of(), instant(n, "deadlineBefore"), instant(n, "deadlineAfter"),
                    n.hasNonNull("tierBefore") ? Tier.valueOf(n.get("tierBefore").asText()) : null,
                    Tier.valueOf(text(n, "tierAfter")), text(n, "tierNode"), optional(n, "assigneeId"),
                    optional(n, "previousAssigneeId"), strings(n.path("reporterIds")), strings(n.path("path")),
                    text(n, "category"), MatterType.valueOf(text(n, "matterType")), details);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed case.event: " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        return Messages.required(n, field);
    }

    private static String optional(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Instant instant(JsonNode n, String field) {
        return n.hasNonNull(field) ? Instant.parse(n.get(field).asText()) : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }
}
