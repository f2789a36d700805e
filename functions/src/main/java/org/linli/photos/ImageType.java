package org.linli.photos;

import java.util.Arrays;
import java.util.Optional;

/** The image types a photo may be uploaded as, by MIME type and by their first bytes (magic numbers). */
public enum ImageType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp");

    private final String mime;

    ImageType(String mime) {
        this.mime = mime;
    }

    public String mime() {
        return mime;
    }

    public static Optional<ImageType> ofMime(String mime) {
        return Arrays.stream(values()).filter(t -> t.mime.equals(mime)).findFirst();
    }

    /** The type the bytes announce (FF D8 FF; 89 'PNG' CR LF 1A LF; 'RIFF' size 'WEBP'), if any. */
    public static Optional<ImageType> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return Optional.of(JPEG);
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A
                && b[6] == 0x1A && b[7] == 0x0A) return Optional.of(PNG);
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') return Optional.of(WEBP);
        return Optional.empty();
    }
}
