package org.linli.consultations;

/** Where a consultation stands. */
public enum ConsultationState {
    /** Opened: topic, participants, options and meeting time set; nobody told yet. */
    OPEN,
    /** Notices sent to the participants' inboxes. */
    NOTIFIED,
    /** The meeting was held: attendance recorded (and may be corrected until the decision). */
    MET,
    /** Decided: the vote, the decision and the minutes recorded, published, the case moved. Final. */
    DECIDED,
    /** Called off before a decision, with the reason. Final. */
    CANCELLED
}
