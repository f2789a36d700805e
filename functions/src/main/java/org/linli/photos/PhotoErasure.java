package org.linli.photos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Erases photos by id - objects (upload, photo, thumbnail) and records - for retention and a user's
 * erasure (org.linli.privacy calls it with the photo keys a case, report or user carries). Idempotent:
 * what is gone already is skipped. Two calls per up to 1000 objects and 25 records.
 */
public final class PhotoErasure {
    private final PhotoStore photos;
    private final PhotoObjects objects;

    public PhotoErasure(PhotoStore photos, PhotoObjects objects) {
        this.photos = photos;
        this.objects = objects;
    }

    /** Erases these photos; returns how many records there were. */
    public int erase(Collection<String> photoIds) {
        if (photoIds.isEmpty()) return 0;
        Map<String, Photo> found = photos.findAll(photoIds);
        List<String> keys = new ArrayList<>();
        for (String id : photoIds) {
            keys.add(Photo.photoKey(id));
            keys.add(Photo.thumbKey(id));
            Photo p = found.get(id);
            if (p != null) keys.add(p.incomingKey());
        }
        objects.deleteAll(keys);
        photos.deleteAll(found.keySet());
        return found.size();
    }
}
