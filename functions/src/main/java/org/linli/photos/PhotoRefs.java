package org.linli.photos;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.core.FieldError;
import org.linli.core.ValidationFailed;
import org.linli.json.JsonInput;

/**
 * Which photos a write may name, and the links a permitted viewer gets. A report, a case action
 * (staff evidence), a wish's completion or a service log may name only photos that are VALIDATED
 * and were uploaded by the caller himself (for staff evidence: by the acting member of staff) -
 * anything else is a field error ({@code photoKeys[1]}: "is not validated yet"). One batch read
 * per write that names photos, none for one that names none.
 */
public final class PhotoRefs {
    /** How long a download link lives: well under the 15 minutes no URL may outlive. */
    public static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

    private final PhotoStore photos;
    private final PhotoSigner signer;
    private final Clock clock;

    public PhotoRefs(PhotoStore photos, PhotoSigner signer, Clock clock) {
        this.photos = photos;
        this.signer = signer;
        this.clock = clock;
    }

    /** Refuses the write unless every id in {@code ids} is a VALIDATED photo of {@code callerId}. */
    public void requireUsable(String callerId, String field, List<String> ids) {
        if (ids == null || ids.isEmpty()) return;
        // Only what can be a photo key is looked up: anything else (a huge or hostile string) would be refused by the
        // store as a key, not answered as the field error it is.
        Map<String, Photo> found = photos.findAll(ids.stream().filter(PhotoRefs::looksLikeKey).distinct().toList());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String at = field + "[" + i + "]";
            if (!looksLikeKey(ids.get(i))) {
                errors.add(new FieldError(at, "is not a photo key (pho_…, from POST /uploads)"));
                continue;
            }
            Photo p = found.get(ids.get(i));
            if (p == null || !p.ownerId().equals(callerId)) errors.add(new FieldError(at, "is not a photo you uploaded"));
            else if (p.state() == PhotoState.GRANTED) errors.add(new FieldError(at, "is not validated yet; wait until GET /uploads/" + p.id() + " says VALIDATED"));
            else if (p.state() == PhotoState.REFUSED) errors.add(new FieldError(at, "was refused: " + p.reason()));
        }
        if (!errors.isEmpty()) throw new ValidationFailed("The request names photos it may not use.", errors);
    }

    /**
     * The photo keys a request body names in {@code field}, as written (strings only; the request's
     * own parser says what else is wrong with the field), for a check before the write.
     */
    public static List<String> keysIn(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || !v.isArray() || v.size() > JsonInput.MAX_PHOTO_KEYS) return List.of();
        List<String> out = new ArrayList<>();
        v.forEach(k -> {
            if (k.isTextual()) out.add(k.asText());
        });
        return out;
    }

    /** What a photo key can look like (a pho_… id; older keys were paths): short, no spaces, no control characters. */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_./-]{1,200}");

    private static boolean looksLikeKey(String id) {
        return id != null && KEY.matcher(id).matches();
    }

    /** Short-lived links to one photo (thumbnail and full size). */
    public record Links(String photoKey, String thumbUrl, String url, Instant expiresAt) {}

    /** Links for a viewer allowed to see the photos (no store read: only validated photos are ever named). */
    public List<Links> links(List<String> ids) {
        Instant expires = clock.instant().plus(LINK_LIFETIME);
        List<Links> out = new ArrayList<>();
        for (String id : ids) out.add(new Links(id, signer.downloadUrl(Photo.thumbKey(id), expires),
                signer.downloadUrl(Photo.photoKey(id), expires), expires));
        return out;
    }

    /** Thumbnail links only (public feeds, Open311 media_url). */
    public List<String> thumbnails(List<String> ids) {
        Instant expires = clock.instant().plus(LINK_LIFETIME);
        return ids.stream().map(id -> signer.downloadUrl(Photo.thumbKey(id), expires)).toList();
    }
}
