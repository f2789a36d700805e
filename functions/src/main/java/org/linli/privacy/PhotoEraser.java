package org.linli.privacy;

import java.util.Collection;

/**
 * Erases photos (objects and records) by id. Photos are personal data like the contact beside them:
 * they go when a case's retention runs out and when their owner's account is erased (issue 15 item 5).
 * Implemented by the photos feature; privacy only says when.
 */
@FunctionalInterface
public interface PhotoEraser {
    PhotoEraser NONE = ids -> { };

    void erase(Collection<String> photoIds);
}
