package org.linli.photos;

/** What a photo is uploaded for; recorded with it (the same checks apply to every purpose). */
public enum Purpose {
    /** A resident's or patrol's report (随手拍). */
    REPORT,
    /** Staff evidence on a case action (handling, result). */
    CASE_EVIDENCE,
    /** A micro-wish or its completion. */
    WISH,
    /** A volunteer's service log. */
    SERVICE_LOG
}
