package org.linli.photos;

import java.time.Instant;

/**
 * One photo: who uploaded it, for what, the type and size he declared, and where it stands. Its
 * objects: the raw upload under {@code incoming/<ownerId>/<id>} (deleted once checked), the
 * re-encoded photo under {@code photos/<id>} and its thumbnail under {@code thumbs/<id>}.
 * {@code width}/{@code height}: of the re-encoded photo (0 until validated); {@code reason}: why
 * it was refused (null otherwise).
 */
public record Photo(String id, String ownerId, Purpose purpose, ImageType contentType, long size, PhotoState state,
                    String reason, int width, int height, Instant grantedAt, Instant checkedAt) {

    public static Photo granted(String id, String ownerId, Purpose purpose, ImageType type, long size, Instant at) {
        return new Photo(id, ownerId, purpose, type, size, PhotoState.GRANTED, null, 0, 0, at, null);
    }

    public String incomingKey() {
        return incomingKey(ownerId, id);
    }

    public static String incomingKey(String ownerId, String photoId) {
        return "incoming/" + ownerId + "/" + photoId;
    }

    public static String photoKey(String photoId) {
        return "photos/" + photoId;
    }

    public static String thumbKey(String photoId) {
        return "thumbs/" + photoId;
    }

    /** The owner and photo id of an {@code incoming/<ownerId>/<photoId>} key; null for any other key. */
    public static String[] parseIncoming(String key) {
        if (key == null || !key.startsWith("incoming/")) return null;
        String[] parts = key.substring("incoming/".length()).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) return null;
        return parts;
    }
}
