/**
 * 议事协商: a consultation staff open on a case (a 社事 or 难事 no single office settles) or on a
 * topic of their community - participants (residents' representatives, 物业, 业委会, party members,
 * departments, organisations, staff), a meeting, notices through the inbox, attendance, options,
 * the decision with its vote and minutes. The decision is published to the community masked
 * ({@link PublicDecision}) and moves the case on through the case workflow (resolved, summoned to
 * departments, or rejected with the reason). The consultation's own state machine is
 * {@link ConsultationRules}; every step is in its audit trail and, for a case, the case's.
 * Port: {@link ConsultationStore}. See docs/consultations.md.
 */
package org.linli.consultations;
