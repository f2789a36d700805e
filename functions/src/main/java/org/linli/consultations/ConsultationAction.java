package org.linli.consultations;

/** The steps staff take on a consultation after opening it. */
public enum ConsultationAction {
    NOTIFY, RECORD_ATTENDANCE, DECIDE, CANCEL
}
