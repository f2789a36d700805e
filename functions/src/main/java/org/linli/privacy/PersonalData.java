package org.linli.privacy;

import java.time.Instant;

/** Erasing and coarsening personal data where reports and cases keep it. */
public interface PersonalData {
    /** Removes a report's contact (name and phone); the report keeps working without it. False when there is no such report. */
    boolean eraseContact(String reportId);

    /**
     * If the case is still closed or rejected, and was closed at or before {@code closedBy}: erases
     * its reports' contacts and photo keys, drops their building codes and coarsens every place
     * (case and reports) to about 100 m. Status, category, territory path, times and the audit
     * trail stay, so statistics keep counting the case. False when it was not anonymised (reopened,
     * closed later, gone).
     */
    boolean anonymiseClosedCase(String caseId, Instant closedBy);
}
