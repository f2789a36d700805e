package org.linli.volunteer.grading;

import java.util.Optional;

/** Persistence of year-end grade sheets. */
public interface GradeStore {
    Optional<GradeSheet> sheet(String communityCode, int year);

    /** Replaces the draft sheet; false when it has been published meanwhile (nothing is written then). */
    boolean saveDraft(GradeSheet sheet);

    /** Writes one adjusted row while the sheet is a draft; false otherwise. */
    boolean adjust(String communityCode, int year, GradeRow row);

    /** DRAFT → PUBLISHED; false when it was not a draft. */
    boolean publish(GradeSheet published);
}
