package org.linli.privacy;

import java.time.Instant;
import java.util.List;

/**
 * One time a staff member was shown personal data whole: who ({@code viewerId}), when, which
 * subjects ({@code report:rpt_…}, {@code case:case_…}, {@code user:usr_…}, {@code volunteers:DEMO-W1};
 * the first is the entry's own, the others let it be found from them too), for what purpose, and
 * the reason he gave (a reveal asks for one; a handling view has none).
 */
public record AccessEntry(String entryId, String viewerId, List<String> subjects, Purpose purpose, String reason, Instant at) {
    public AccessEntry {
        subjects = List.copyOf(subjects);
        if (subjects.isEmpty()) throw new IllegalArgumentException("an access entry needs a subject");
    }

    /** Why the data was shown. */
    public enum Purpose {
        /** The staff handling a case read a report with its contact whole. */
        HANDLING,
        /** A staff member asked to see a contact, giving a reason (the console's 查看). */
        REVEAL,
        /** A community's staff listed its volunteers with their phones. */
        VOLUNTEER_LIST,
        /** A volunteer or staff read a wish with the wisher's contact. */
        WISH,
        /** An administrator read an account. */
        ADMINISTRATION,
        /** A household of a register read whole (its community's staff, or the 包联 person bound to it). */
        REGISTER,
        /** A community's register exported whole by its staff (the ledger CSV). */
        REGISTER_EXPORT
    }

    public static String subject(String kind, String id) {
        return kind + ":" + id;
    }
}
