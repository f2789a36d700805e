package org.linli.consultations;

/**
 * One participant: a person by {@code name} (personal data: staff only), a user ({@code userId}: he
 * gets the notice in his inbox), an organisation of the community ({@code organisationId}) or a
 * department ({@code department} code) - at least one of them. {@code present} is null until the
 * attendance is recorded.
 */
public record Participant(String id, ParticipantKind kind, String name, String userId, String organisationId,
                          String department, Boolean present) {
    public Participant attended(boolean was) {
        return new Participant(id, kind, name, userId, organisationId, department, was);
    }
}
