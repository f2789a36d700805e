package org.linli.privacy;

import org.linli.core.Page;

/** Where access entries are kept (three years, PIPL art. 56) and read back by administrators. */
public interface AccessLog {
    /** Stores an entry (a retried request stores it again, at its own time, under the same id). */
    void record(AccessEntry entry);

    /** Entries about one subject, newest first. */
    Page<AccessEntry> bySubject(String subject, int limit, String cursor);

    /** Entries of one viewer, newest first. */
    Page<AccessEntry> byViewer(String viewerId, int limit, String cursor);
}
