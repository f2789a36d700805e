package org.linli.privacy;

import java.time.LocalDate;
import java.util.List;

/**
 * The retention index: cases by the day (China time) they closed, written when a case closes, so
 * that the retention job reads one day's partition instead of scanning the cases.
 */
public interface ClosedCases {
    /** Notes that the case closed (or was rejected) on {@code day}; noting it twice changes nothing. */
    void closed(String caseId, LocalDate day);

    /** Up to {@code limit} case ids noted on {@code day}. */
    List<String> closedOn(LocalDate day, int limit);

    /** Removes the note once the case has been dealt with. */
    void forget(String caseId, LocalDate day);
}
