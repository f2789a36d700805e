package org.linli.photos;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.linli.core.RateLimit;

/** Persistence of photo records (PhotosTable). */
public interface PhotoStore {
    /** Records a new grant, counted against the owner's upload limit in the same write (over it: TooManyRequests, nothing stored). */
    void insertGrant(Photo photo, RateLimit.Charge charge);

    Optional<Photo> find(String photoId);

    /** The photos of these ids that exist, by id (one batch read). */
    Map<String, Photo> findAll(Collection<String> photoIds);

    /** GRANTED → VALIDATED with its dimensions; false when it was not GRANTED (already checked: a redelivery). */
    boolean markValidated(String photoId, int width, int height, long size, Instant at);

    /** GRANTED → REFUSED with the reason; false when it was not GRANTED. */
    boolean markRefused(String photoId, String reason, Instant at);

    /** Deletes these records (erasure). */
    void deleteAll(Collection<String> photoIds);
}
