package org.linli.hotline;

/**
 * How far the platform's status reports of a case have been put in the outbox: the highest case
 * version whose reports are in. Lets the outbox reader put an order's reports in the order of the
 * case's versions although the case event stream (a standard queue) may deliver events out of
 * order, and skip an event it has already reported. Adapters throw StoreUnavailable.
 */
public interface ReportedVersions {
    /** 0 when nothing of the case was reported yet. */
    long reported(String caseId);

    /** Records {@code version} as reported unless a higher one already is. */
    void advance(String caseId, long version);
}
