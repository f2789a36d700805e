package org.linli.consultations;

/** Who sits at the table (三长会商, 四方联动: residents, 物业, 业委会, party members, departments). */
public enum ParticipantKind {
    RESIDENT_REPRESENTATIVE, PROPERTY_MANAGER, OWNERS_COMMITTEE, PARTY_MEMBER, DEPARTMENT, ORGANISATION, STAFF
}
