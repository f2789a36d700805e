package org.linli.photos;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.linli.core.Ids;
import org.linli.core.RateLimit;
import org.linli.json.JsonInput;

/**
 * Upload grants ({@code POST /uploads}): the caller says what he will upload - purpose, type, size -
 * and gets a form for one object under his own prefix, {@code incoming/<userId>/<photoId>}, that S3
 * accepts only with that Content-Type, at most {@link #MAX_BYTES} bytes (and no more than declared
 * plus nothing: the declared size is the form's upper bound), within {@link #GRANT_LIFETIME}. One
 * write: the photo's record (GRANTED), counted against the caller's upload limit.
 */
public final class Uploads {
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final Duration GRANT_LIFETIME = Duration.ofMinutes(10);

    private final PhotoStore photos;
    private final PhotoSigner signer;
    private final Clock clock;
    private final RateLimit limit;

    /** {@code limit}: grants one user may get per window (null: no limit). */
    public Uploads(PhotoStore photos, PhotoSigner signer, Clock clock, RateLimit limit) {
        this.photos = photos;
        this.signer = signer;
        this.clock = clock;
        this.limit = limit;
    }

    /** The grant: the photo's id (what reports and actions name as a photo key), the form, its expiry. */
    public record Grant(Photo photo, PhotoSigner.UploadForm form, Instant expiresAt) {}

    public Grant grant(String userId, JsonNode body) {
        JsonInput in = JsonInput.root(body, Set.of("purpose", "contentType", "size"));
        Purpose purpose = in.requiredEnum("purpose", Purpose.class);
        String mime = in.requiredString("contentType", 1, 40, JsonInput.TextRule.SINGLE_LINE);
        ImageType type = null;
        if (mime != null) {
            type = ImageType.ofMime(mime).orElse(null);
            if (type == null) in.error("contentType", "must be image/jpeg, image/png or image/webp");
        }
        var size = in.requiredNumber("size", java.math.BigDecimal.ONE, java.math.BigDecimal.valueOf(MAX_BYTES));
        if (size != null && size.stripTrailingZeros().scale() > 0) in.error("size", "must be a whole number of bytes");
        in.throwIfInvalid();
        Instant now = clock.instant();
        Photo photo = Photo.granted(Ids.random("pho", now), userId, purpose, type, size.longValue(), now);
        photos.insertGrant(photo, limit == null ? null : limit.charge(userId, now));
        Instant expires = now.plus(GRANT_LIFETIME);
        return new Grant(photo, signer.uploadForm(photo.incomingKey(), type.mime(), photo.size(), expires), expires);
    }
}
