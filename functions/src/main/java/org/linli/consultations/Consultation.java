package org.linli.consultations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A consultation (议事协商) of a community: on a case ({@code caseId}) or on its own topic. The
 * community's territory path decides which staff see it. {@code version} counts its steps; each
 * step is a conditional write on the version read.
 */
public record Consultation(String id, String community, List<String> communityPath, String caseId, String topic,
                           String place, Instant meetingAt, List<Participant> participants, List<String> options,
                           ConsultationState state, Decision decision, String cancelReason, List<AuditEntry> audit,
                           Instant openedAt, String openedBy, long version) {
    public Consultation {
        communityPath = List.copyOf(communityPath);
        participants = List.copyOf(participants);
        options = List.copyOf(options);
        audit = List.copyOf(audit);
    }

    /** The consultation after one step: its new state, the participants and decision as now, one more audit entry. */
    public Consultation step(ConsultationState to, List<Participant> participants, Decision decision, String cancelReason,
                             AuditEntry entry) {
        List<AuditEntry> trail = new ArrayList<>(audit);
        trail.add(entry);
        return new Consultation(id, community, communityPath, caseId, topic, place, meetingAt, participants, options, to,
                decision, cancelReason, trail, openedAt, openedBy, version + 1);
    }

    public long present() {
        return participants.stream().filter(p -> Boolean.TRUE.equals(p.present())).count();
    }
}
