package org.linli.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.linli.geo.GeoPoint;

/**
 * A validated report as submitted. {@code point} and {@code buildingCode} may not both be null.
 */
public record ReportDraft(String category, String description, GeoPoint point, String buildingCode,
                          List<String> photoKeys, Contact contact, boolean anonymousToPublic, Source source) {
    public ReportDraft {
        photoKeys = photoKeys == null ? List.of() : List.copyOf(photoKeys);
        if (point == null && buildingCode == null) throw new IllegalArgumentException("a report needs a location");
    }

    /**
     * A fingerprint of the content, independent of JSON formatting and field order: a retry with
     * the same Idempotency-Key must carry the same fingerprint.
     */
    public String fingerprint() {
        StringBuilder s = new StringBuilder();
        s.append(category).append('\u0000').append(description).append('\u0000');
        if (point != null) s.append(point.lat()).append(',').append(point.lng()).append(',').append(point.datum());
        s.append('\u0000').append(buildingCode).append('\u0000').append(String.join("\u0001", photoKeys));
        s.append('\u0000').append(contact.name()).append('\u0000').append(contact.phone());
        s.append('\u0000').append(anonymousToPublic).append('\u0000').append(source);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
