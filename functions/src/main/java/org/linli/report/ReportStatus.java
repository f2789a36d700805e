package org.linli.report;

/** A report's own status; once CASED, what the reporter sees is its case's status. */
public enum ReportStatus {
    RECEIVED,
    CASED
}
