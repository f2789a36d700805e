package org.linli.privacy;

import java.time.Instant;

/** Erasing and coarsening personal data where reports and cases keep it. */
public interface PersonalData {
    /**
     * Removes a report's contact (name and phone), its photo keys and its phone-digits index entry; the report
     * keeps working without them. Not done when there is no such report; the photos it named are returned.
     */
    Erased eraseContact(String reportId);

    /**
     * If the case is still closed or rejected, and was closed at or before {@code closedBy}: erases
     * its reports' contacts and photo keys, drops their building codes and coarsens every place
     * (case and reports) to about 100 m. Status, category, territory path, times and the audit
     * trail stay, so statistics keep counting the case. Not done when it was not anonymised (reopened,
     * closed later, gone); the photos its reports named are returned.
     */
    Erased anonymiseClosedCase(String caseId, Instant closedBy);
}
