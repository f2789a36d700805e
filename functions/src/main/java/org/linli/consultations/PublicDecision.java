package org.linli.consultations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A decision as published to the community (公示): no personal data - the topic, summary and
 * reason masked (phones, ID numbers and the participants' names in them), participants counted by
 * kind, organisations and departments by name only, the minutes left out. Stored as published, so
 * what residents read is what was checked when it was written.
 */
public record PublicDecision(String consultationId, String community, String caseId, String topic, Instant meetingAt,
                             List<String> options, int chosen, List<Integer> votes, int abstained, int participants,
                             int present, Map<String, Integer> participantsByKind, List<String> organisations,
                             List<String> departments, String summary, CaseOutcome outcome, String reason, Instant decidedAt) {
    public PublicDecision {
        options = List.copyOf(options);
        votes = List.copyOf(votes);
        participantsByKind = Map.copyOf(participantsByKind);
        organisations = List.copyOf(organisations);
        departments = List.copyOf(departments);
    }
}
