package org.linli.adapters.dynamo.consultations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.consultations.AuditEntry;
import org.linli.consultations.CaseOutcome;
import org.linli.consultations.Consultation;
import org.linli.consultations.ConsultationState;
import org.linli.consultations.Decision;
import org.linli.consultations.Participant;
import org.linli.consultations.ParticipantKind;
import org.linli.consultations.PublicDecision;
import org.linli.core.Times;
import org.linli.json.Json;

/**
 * A consultation and a published decision as one JSON document each (attribute {@code doc}): they
 * are read and written whole, and their lists (participants, options, votes, the trail) are small
 * and bounded - no index ever looks inside them.
 */
final class ConsultationItems {
    private ConsultationItems() {}

    static String write(Consultation c) {
        ObjectNode o = Json.object();
        o.put("id", c.id()).put("community", c.community()).put("caseId", c.caseId()).put("topic", c.topic())
                .put("place", c.place()).put("meetingAt", Times.stored(c.meetingAt())).put("state", c.state().name())
                .put("cancelReason", c.cancelReason()).put("openedAt", Times.stored(c.openedAt())).put("openedBy", c.openedBy())
                .put("version", c.version());
        strings(o.putArray("communityPath"), c.communityPath());
        strings(o.putArray("options"), c.options());
        ArrayNode ps = o.putArray("participants");
        for (Participant p : c.participants()) {
            ObjectNode n = ps.addObject().put("id", p.id()).put("kind", p.kind().name()).put("name", p.name()).put("userId", p.userId())
                    .put("organisationId", p.organisationId()).put("department", p.department());
            if (p.present() != null) n.put("present", p.present());
        }
        Decision d = c.decision();
        if (d != null) {
            ObjectNode n = o.putObject("decision").put("chosen", d.chosen()).put("abstained", d.abstained()).put("summary", d.summary())
                    .put("minutes", d.minutes()).put("outcome", d.outcome() == null ? null : d.outcome().name()).put("reason", d.reason())
                    .put("decidedAt", Times.stored(d.decidedAt())).put("decidedBy", d.decidedBy());
            ArrayNode votes = n.putArray("votes");
            d.votes().forEach(votes::add);
            strings(n.putArray("departments"), d.departments());
        }
        ArrayNode audit = o.putArray("audit");
        for (AuditEntry e : c.audit()) {
            audit.addObject().put("at", Times.stored(e.at())).put("by", e.by()).put("action", e.action()).put("note", e.note());
        }
        return Json.write(o);
    }

    static Consultation read(String doc) {
        JsonNode o = Json.parse(doc);
        List<Participant> participants = new ArrayList<>();
        for (JsonNode p : o.get("participants")) {
            participants.add(new Participant(text(p, "id"), ParticipantKind.valueOf(text(p, "kind")), text(p, "name"), text(p, "userId"),
                    text(p, "organisationId"), text(p, "department"), p.hasNonNull("present") ? p.get("present").booleanValue() : null));
        }
        Decision decision = null;
        JsonNode d = o.get("decision");
        if (d != null && !d.isNull()) {
            List<Integer> votes = new ArrayList<>();
            d.get("votes").forEach(v -> votes.add(v.intValue()));
            decision = new Decision(d.get("chosen").intValue(), votes, d.get("abstained").intValue(), text(d, "summary"), text(d, "minutes"),
                    d.hasNonNull("outcome") ? CaseOutcome.valueOf(text(d, "outcome")) : null, strings(d.get("departments")),
                    text(d, "reason"), instant(d, "decidedAt"), text(d, "decidedBy"));
        }
        List<AuditEntry> audit = new ArrayList<>();
        for (JsonNode e : o.get("audit")) audit.add(new AuditEntry(instant(e, "at"), text(e, "by"), text(e, "action"), text(e, "note")));
        return new Consultation(text(o, "id"), text(o, "community"), strings(o.get("communityPath")), text(o, "caseId"),
                text(o, "topic"), text(o, "place"), instant(o, "meetingAt"), participants, strings(o.get("options")),
                ConsultationState.valueOf(text(o, "state")), decision, text(o, "cancelReason"), audit, instant(o, "openedAt"),
                text(o, "openedBy"), o.get("version").longValue());
    }

    static String write(PublicDecision d) {
        ObjectNode o = Json.object();
        o.put("consultationId", d.consultationId()).put("community", d.community()).put("caseId", d.caseId()).put("topic", d.topic())
                .put("meetingAt", Times.stored(d.meetingAt())).put("chosen", d.chosen()).put("abstained", d.abstained())
                .put("participants", d.participants()).put("present", d.present()).put("summary", d.summary())
                .put("outcome", d.outcome() == null ? null : d.outcome().name()).put("reason", d.reason())
                .put("decidedAt", Times.stored(d.decidedAt()));
        strings(o.putArray("options"), d.options());
        ArrayNode votes = o.putArray("votes");
        d.votes().forEach(votes::add);
        ObjectNode kinds = o.putObject("participantsByKind");
        d.participantsByKind().forEach(kinds::put);
        strings(o.putArray("organisations"), d.organisations());
        strings(o.putArray("departments"), d.departments());
        return Json.write(o);
    }

    static PublicDecision readDecision(String doc) {
        JsonNode o = Json.parse(doc);
        List<Integer> votes = new ArrayList<>();
        o.get("votes").forEach(v -> votes.add(v.intValue()));
        Map<String, Integer> kinds = new LinkedHashMap<>();
        o.get("participantsByKind").fields().forEachRemaining(e -> kinds.put(e.getKey(), e.getValue().intValue()));
        return new PublicDecision(text(o, "consultationId"), text(o, "community"), text(o, "caseId"), text(o, "topic"),
                instant(o, "meetingAt"), strings(o.get("options")), o.get("chosen").intValue(), votes, o.get("abstained").intValue(),
                o.get("participants").intValue(), o.get("present").intValue(), kinds, strings(o.get("organisations")),
                strings(o.get("departments")), text(o, "summary"),
                o.hasNonNull("outcome") ? CaseOutcome.valueOf(text(o, "outcome")) : null, text(o, "reason"), instant(o, "decidedAt"));
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a != null) a.forEach(v -> out.add(v.textValue()));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.textValue();
    }

    private static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        return s == null ? null : Times.parseStored(s);
    }
}
