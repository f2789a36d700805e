package org.linli.testing;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.s3.SigV4Signer;
import org.linli.core.RateLimit;
import org.linli.photos.ImageType;
import org.linli.photos.Photo;
import org.linli.photos.PhotoObjects;
import org.linli.photos.PhotoRefs;
import org.linli.photos.PhotoState;
import org.linli.photos.PhotoStore;
import org.linli.photos.Purpose;

/** Photo records and bucket objects in maps, with a real signer (example credentials), for pure tests. */
public final class InMemoryPhotos implements PhotoStore {
    public final Map<String, Photo> records = new LinkedHashMap<>();
    public final Bucket bucket = new Bucket();
    public final Map<String, Integer> quotas = new HashMap<>();

    public static SigV4Signer signer(Clock clock) {
        return new SigV4Signer(URI.create("https://linli-test-photos.s3.cn-north-1.amazonaws.com.cn"), "linli-test-photos", "cn-north-1",
                () -> new SigV4Signer.Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null), clock);
    }

    public PhotoRefs refs(Clock clock) {
        return new PhotoRefs(this, signer(clock), clock);
    }

    /** A photo of {@code ownerId} already checked (what a report may name). */
    public String validated(String photoId, String ownerId) {
        records.put(photoId, new Photo(photoId, ownerId, Purpose.REPORT, ImageType.JPEG, 1000, PhotoState.VALIDATED, null, 640, 480,
                Instant.parse("2026-11-18T02:00:00Z"), Instant.parse("2026-11-18T02:00:01Z")));
        return photoId;
    }

    @Override
    public void insertGrant(Photo photo, RateLimit.Charge charge) {
        if (charge != null) {
            int n = quotas.getOrDefault(charge.counter() + charge.windowStart(), 0);
            if (n >= charge.limit().limit()) throw charge.exceeded();
            quotas.put(charge.counter() + charge.windowStart(), n + 1);
        }
        if (records.putIfAbsent(photo.id(), photo) != null) throw new IllegalStateException("id taken");
    }

    @Override
    public Optional<Photo> find(String photoId) {
        return Optional.ofNullable(records.get(photoId));
    }

    @Override
    public Map<String, Photo> findAll(Collection<String> photoIds) {
        Map<String, Photo> out = new HashMap<>();
        for (String id : photoIds) if (records.containsKey(id)) out.put(id, records.get(id));
        return out;
    }

    @Override
    public boolean markValidated(String photoId, int width, int height, long size, Instant at) {
        Photo p = records.get(photoId);
        if (p == null || p.state() != PhotoState.GRANTED) return false;
        records.put(photoId, new Photo(p.id(), p.ownerId(), p.purpose(), p.contentType(), p.size(), PhotoState.VALIDATED, null, width,
                height, p.grantedAt(), at));
        return true;
    }

    @Override
    public boolean markRefused(String photoId, String reason, Instant at) {
        Photo p = records.get(photoId);
        if (p == null || p.state() != PhotoState.GRANTED) return false;
        records.put(photoId, new Photo(p.id(), p.ownerId(), p.purpose(), p.contentType(), p.size(), PhotoState.REFUSED, reason, 0, 0,
                p.grantedAt(), at));
        return true;
    }

    @Override
    public void deleteAll(Collection<String> photoIds) {
        photoIds.forEach(records::remove);
    }

    /** The bucket's objects by key. */
    public static final class Bucket implements PhotoObjects {
        public final Map<String, byte[]> objects = new LinkedHashMap<>();

        @Override
        public Optional<byte[]> read(String key, long maxBytes) {
            byte[] b = objects.get(key);
            if (b != null && b.length > maxBytes) throw new TooLarge(key);
            return Optional.ofNullable(b);
        }

        @Override
        public void put(String key, byte[] bytes, String contentType) {
            objects.put(key, bytes);
        }

        @Override
        public void deleteAll(Collection<String> keys) {
            keys.forEach(objects::remove);
        }
    }
}
