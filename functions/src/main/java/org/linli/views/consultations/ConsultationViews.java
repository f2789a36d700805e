package org.linli.views.consultations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.linli.consultations.AuditEntry;
import org.linli.consultations.Consultation;
import org.linli.consultations.ConsultationRules;
import org.linli.consultations.Decision;
import org.linli.consultations.Participant;
import org.linli.consultations.PublicDecision;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.organisations.Organisation;

/**
 * A consultation as its staff see it (participants by name, minutes, the trail) and a decision as
 * the community sees it (counted and masked, stored that way when it was published).
 */
public final class ConsultationViews {
    private ConsultationViews() {}

    public static ObjectNode consultation(Consultation c, Map<String, Organisation> organisations) {
        ObjectNode o = Json.object().put("consultationId", c.id()).put("community", c.community());
        if (c.caseId() == null) o.putNull("caseId"); else o.put("caseId", c.caseId());
        o.put("topic", c.topic()).put("place", c.place()).put("meetingAt", Times.api(c.meetingAt())).put("state", c.state().name())
                .put("version", c.version());
        ArrayNode actions = o.putArray("allowedActions");
        ConsultationRules.allowed(c.state()).forEach(a -> actions.add(a.name()));
        ArrayNode options = o.putArray("options");
        c.options().forEach(options::add);
        ArrayNode ps = o.putArray("participants");
        for (Participant p : c.participants()) {
            ObjectNode n = ps.addObject().put("participantId", p.id()).put("kind", p.kind().name());
            put(n, "name", p.name());
            put(n, "userId", p.userId());
            put(n, "organisationId", p.organisationId());
            if (p.organisationId() != null && organisations.containsKey(p.organisationId())) {
                n.put("organisationName", organisations.get(p.organisationId()).name());
            }
            put(n, "department", p.department());
            if (p.present() == null) n.putNull("present"); else n.put("present", p.present());
        }
        Decision d = c.decision();
        if (d == null) o.putNull("decision");
        else {
            ObjectNode n = o.putObject("decision").put("chosen", d.chosen() + 1).put("option", c.options().get(d.chosen()));
            ArrayNode votes = n.putArray("votes");
            d.votes().forEach(votes::add);
            n.put("abstained", d.abstained()).put("summary", d.summary());
            put(n, "minutes", d.minutes());
            put(n, "outcome", d.outcome() == null ? null : d.outcome().name());
            ArrayNode depts = n.putArray("departments");
            d.departments().forEach(depts::add);
            put(n, "reason", d.reason());
            n.put("decidedAt", Times.api(d.decidedAt())).put("decidedBy", d.decidedBy());
        }
        put(o, "cancelReason", c.cancelReason());
        o.put("openedAt", Times.api(c.openedAt())).put("openedBy", c.openedBy());
        ArrayNode audit = o.putArray("audit");
        for (AuditEntry e : c.audit()) {
            ObjectNode n = audit.addObject().put("at", Times.api(e.at())).put("by", e.by()).put("action", e.action());
            put(n, "note", e.note());
        }
        o.putObject("links").put("self", "/consultations/" + c.id());
        return o;
    }

    /** A row of the community's list: what it is about and where it stands. */
    public static ObjectNode row(Consultation c) {
        ObjectNode o = Json.object().put("consultationId", c.id()).put("community", c.community());
        if (c.caseId() == null) o.putNull("caseId"); else o.put("caseId", c.caseId());
        return o.put("topic", c.topic()).put("meetingAt", Times.api(c.meetingAt())).put("state", c.state().name())
                .put("participants", c.participants().size()).put("openedAt", Times.api(c.openedAt()));
    }

    public static ObjectNode published(PublicDecision d) {
        ObjectNode o = Json.object().put("consultationId", d.consultationId()).put("community", d.community());
        if (d.caseId() == null) o.putNull("caseId"); else o.put("caseId", d.caseId());
        o.put("topic", d.topic()).put("meetingAt", Times.api(d.meetingAt()));
        ArrayNode options = o.putArray("options");
        d.options().forEach(options::add);
        o.put("chosen", d.chosen() + 1).put("decision", d.options().get(d.chosen()));
        ArrayNode votes = o.putArray("votes");
        d.votes().forEach(votes::add);
        o.put("abstained", d.abstained()).put("participants", d.participants()).put("present", d.present());
        ObjectNode kinds = o.putObject("participantsByKind");
        d.participantsByKind().forEach(kinds::put);
        ArrayNode orgs = o.putArray("organisations");
        d.organisations().forEach(orgs::add);
        ArrayNode depts = o.putArray("departments");
        d.departments().forEach(depts::add);
        o.put("summary", d.summary());
        put(o, "outcome", d.outcome() == null ? null : d.outcome().name());
        put(o, "reason", d.reason());
        o.put("decidedAt", Times.api(d.decidedAt()));
        return o;
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value == null) o.putNull(field); else o.put(field, value);
    }
}
