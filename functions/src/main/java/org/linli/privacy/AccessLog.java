package org.linli.privacy;

import org.linli.core.Page;

/** Where access entries are kept (three years, PIPL art. 56) and read back by administrators. */
public interface AccessLog {
    /** Stores an entry; storing the same entry id again changes nothing (a retried request). */
    void record(AccessEntry entry);

    /** Entries about one subject, newest first. */
    Page<AccessEntry> bySubject(String subject, int limit, String cursor);

    /** Entries of one viewer, newest first. */
    Page<AccessEntry> byViewer(String viewerId, int limit, String cursor);
}
