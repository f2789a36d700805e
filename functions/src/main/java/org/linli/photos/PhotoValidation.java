package org.linli.photos;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.linli.observability.Log;

/**
 * What happens when bytes arrive under {@code incoming/}: they are checked ({@link ImageCheck}) against
 * the grant they were uploaded with, re-encoded to {@code photos/<id>} and {@code thumbs/<id>}, and
 * the photo recorded VALIDATED - or recorded REFUSED. Either way the raw upload is deleted: its EXIF
 * (GPS position) is never kept. Idempotent: a redelivered event finds the photo checked already and
 * only makes sure the upload is gone.
 */
public final class PhotoValidation {
    private final PhotoStore photos;
    private final PhotoObjects objects;
    private final Clock clock;

    public PhotoValidation(PhotoStore photos, PhotoObjects objects, Clock clock) {
        this.photos = photos;
        this.objects = objects;
        this.clock = clock;
    }

    public enum Outcome { VALIDATED, REFUSED, ALREADY_CHECKED, NO_GRANT, GONE }

    /** Checks the object {@code key} of {@code size} bytes (the event's figure). */
    public Outcome validate(String key, long size) {
        String[] owner = Photo.parseIncoming(key);
        Optional<Photo> found = owner == null ? Optional.empty() : photos.find(owner[1]);
        if (found.isEmpty() || !found.get().ownerId().equals(owner[0])) {
            // Nothing granted this object (only the functions' role can sign a form): never shown, gone.
            objects.deleteAll(List.of(key));
            return Outcome.NO_GRANT;
        }
        Photo photo = found.get();
        if (photo.state() != PhotoState.GRANTED) {
            objects.deleteAll(List.of(key));
            return Outcome.ALREADY_CHECKED;
        }
        String refusal = null;
        ImageCheck.Encoded encoded = null;
        if (size <= 0) refusal = "the file is empty";
        else if (size > photo.size()) refusal = "the file has " + size + " bytes, more than the " + photo.size() + " declared";
        else {
            Optional<byte[]> bytes;
            try {
                bytes = objects.read(key, photo.size());
            } catch (PhotoObjects.TooLarge e) {
                bytes = Optional.empty();
                refusal = "the file is larger than declared";
            }
            if (refusal == null && bytes.isEmpty()) return Outcome.GONE; // deleted meanwhile (a redelivery after success)
            if (refusal == null) {
                try {
                    encoded = ImageCheck.check(bytes.get(), photo.contentType());
                } catch (ImageCheck.Refused r) {
                    refusal = r.getMessage();
                }
            }
        }
        if (encoded != null) {
            objects.put(Photo.photoKey(photo.id()), encoded.full(), "image/jpeg");
            objects.put(Photo.thumbKey(photo.id()), encoded.thumb(), "image/jpeg");
            photos.markValidated(photo.id(), encoded.width(), encoded.height(), encoded.full().length, clock.instant());
            objects.deleteAll(List.of(key));
            return Outcome.VALIDATED;
        }
        photos.markRefused(photo.id(), refusal, clock.instant());
        objects.deleteAll(List.of(key));
        Log.info("photo.refused_reason", "photoId", photo.id(), "reason", refusal);
        return Outcome.REFUSED;
    }
}
