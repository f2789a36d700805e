package org.linli.photos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.linli.core.FieldError;
import org.linli.core.RateLimit;
import org.linli.core.TooManyRequests;
import org.linli.core.ValidationFailed;
import org.linli.json.Json;
import org.linli.testing.InMemoryPhotos;
import org.linli.testing.MutableClock;

/** Grants, the check of uploaded bytes, and which photos a write may name - against in-memory ports and a real signer. */
class PhotosTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-18T02:00:00Z"));
    private final InMemoryPhotos photos = new InMemoryPhotos();
    private final Uploads uploads = new Uploads(photos, InMemoryPhotos.signer(clock), clock, RateLimit.parse("uploads", "3/PT1H"));
    private final PhotoValidation validation = new PhotoValidation(photos, photos.bucket, clock);
    private final PhotoRefs refs = photos.refs(clock);

    static byte[] image(String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) for (int y = 0; y < h; y++) img.setRGB(x, y, (x * 7 + y * 13) & 0xFFFFFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A small PNG whose header declares {@code w}×{@code h}: a decompression bomb's shape, refused before decoding. */
    static byte[] pngDeclaring(int w, int h) throws Exception {
        byte[] png = image("png", 2, 2);
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, w).putInt(20, h); // IHDR data starts at 16: width, height
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // "IHDR" + 13 bytes of data
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    private Uploads.Grant grant(String user, String type, long size) {
        return uploads.grant(user, Json.parse("{\"purpose\":\"REPORT\",\"contentType\":\"" + type + "\",\"size\":" + size + "}"));
    }

    private static List<String> fields(ValidationFailed e) {
        return e.fields().stream().map(FieldError::field).toList();
    }

    @Test
    void aGrantIsOneObjectUnderTheCallersPrefixAtMostTheDeclaredSizeForTenMinutes() {
        Uploads.Grant g = grant("usr_a", "image/jpeg", 2_000_000);
        assertEquals("incoming/usr_a/" + g.photo().id(), g.form().fields().get("key"));
        assertEquals("image/jpeg", g.form().fields().get("Content-Type"));
        String policy = new String(Base64.getDecoder().decode(g.form().fields().get("policy")), StandardCharsets.UTF_8);
        assertTrue(policy.contains("[\"content-length-range\",1,2000000]"), policy);
        assertTrue(policy.contains("\"expiration\":\"2026-11-18T02:10:00Z\""), policy);
        assertEquals(PhotoState.GRANTED, photos.records.get(g.photo().id()).state());
    }

    @Test
    void aGrantRefusesOtherTypesSizesAndPurposesFieldByField() {
        ValidationFailed e = assertThrows(ValidationFailed.class, () -> uploads.grant("usr_a",
                Json.parse("{\"purpose\":\"SELFIE\",\"contentType\":\"application/pdf\",\"size\":10485761}")));
        assertEquals(List.of("purpose", "contentType", "size"), fields(e));
        assertThrows(ValidationFailed.class, () -> grant("usr_a", "image/png", 0));
        assertTrue(photos.records.isEmpty());
    }

    @Test
    void overTheUploadLimitIsTooManyRequests() {
        for (int i = 0; i < 3; i++) grant("usr_a", "image/png", 100);
        assertThrows(TooManyRequests.class, () -> grant("usr_a", "image/png", 100));
        grant("usr_b", "image/png", 100);
        assertEquals(4, photos.records.size());
    }

    @Test
    void aValidUploadIsReEncodedWithAThumbnailRecordedValidatedAndItsUploadDeleted() throws Exception {
        byte[] jpeg = image("jpg", 3000, 1500);
        Uploads.Grant g = grant("usr_a", "image/jpeg", jpeg.length);
        String key = g.photo().incomingKey();
        photos.bucket.put(key, jpeg, "image/jpeg");
        assertEquals(PhotoValidation.Outcome.VALIDATED, validation.validate(key, jpeg.length));
        Photo p = photos.records.get(g.photo().id());
        assertEquals(PhotoState.VALIDATED, p.state());
        assertEquals(2560, p.width());
        assertEquals(1280, p.height());
        BufferedImage thumb = ImageIO.read(new java.io.ByteArrayInputStream(photos.bucket.objects.get("thumbs/" + p.id())));
        assertEquals(320, thumb.getWidth());
        assertTrue(photos.bucket.objects.containsKey("photos/" + p.id()));
        assertFalse(photos.bucket.objects.containsKey(key));
        // a redelivered event changes nothing
        byte[] stored = photos.bucket.objects.get("photos/" + p.id());
        assertEquals(PhotoValidation.Outcome.ALREADY_CHECKED, validation.validate(key, jpeg.length));
        assertArrayEquals(stored, photos.bucket.objects.get("photos/" + p.id()));
        refs.requireUsable("usr_a", "photoKeys", List.of(p.id()));
    }

    @Test
    void pngAndWebpAreReadAndStoredAsJpeg() throws Exception {
        byte[] png = image("png", 40, 30);
        Uploads.Grant g = grant("usr_a", "image/png", png.length);
        photos.bucket.put(g.photo().incomingKey(), png, "image/png");
        assertEquals(PhotoValidation.Outcome.VALIDATED, validation.validate(g.photo().incomingKey(), png.length));
        // a 1×1 lossless WebP (TwelveMonkeys' reader)
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        Uploads.Grant w = grant("usr_a", "image/webp", webp.length);
        photos.bucket.put(w.photo().incomingKey(), webp, "image/webp");
        assertEquals(PhotoValidation.Outcome.VALIDATED, validation.validate(w.photo().incomingKey(), webp.length));
        assertEquals(ImageType.JPEG, ImageType.sniff(photos.bucket.objects.get("photos/" + w.photo().id())).orElseThrow());
    }

    @Test
    void badFilesAreRefusedWithAReasonAndDeleted() throws Exception {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);
        assertRefused(pdf, "image/jpeg", pdf.length, "not a JPEG, PNG or WebP");
        assertRefused(new byte[0], "image/jpeg", 0, "empty");
        assertRefused(image("png", 8, 8), "image/jpeg", 0, "image/png image, not the image/jpeg declared");
        assertRefused(pngDeclaring(50_000, 50_000), "image/png", 0, "50000×50000 pixels");
        byte[] truncated = java.util.Arrays.copyOf(image("jpg", 200, 200), 300);
        assertRefused(truncated, "image/jpeg", 0, "could not be decoded");
    }

    private void assertRefused(byte[] bytes, String declared, long eventSize, String reason) {
        Uploads.Grant g = grant("usr_" + photos.records.size(), declared, Math.max(1, bytes.length));
        String key = g.photo().incomingKey();
        photos.bucket.put(key, bytes, declared);
        assertEquals(PhotoValidation.Outcome.REFUSED, validation.validate(key, eventSize == 0 ? bytes.length : eventSize));
        Photo p = photos.records.get(g.photo().id());
        assertEquals(PhotoState.REFUSED, p.state());
        assertTrue(p.reason().contains(reason), p.reason());
        assertFalse(photos.bucket.objects.containsKey(key));
        assertFalse(photos.bucket.objects.containsKey("photos/" + p.id()));
        ValidationFailed e = assertThrows(ValidationFailed.class, () -> refs.requireUsable(p.ownerId(), "photoKeys", List.of(p.id())));
        assertTrue(e.fields().get(0).message().startsWith("was refused"), e.fields().toString());
    }

    @Test
    void anObjectNobodyWasGrantedIsDeletedUnchecked() {
        photos.bucket.put("incoming/usr_x/pho_01JDX0000000000000000000AB", new byte[] {1}, "image/jpeg");
        assertEquals(PhotoValidation.Outcome.NO_GRANT, validation.validate("incoming/usr_x/pho_01JDX0000000000000000000AB", 1));
        assertTrue(photos.bucket.objects.isEmpty());
    }

    @Test
    void aWriteMayNameOnlyItsCallersValidatedPhotos() {
        photos.validated("pho_mine", "usr_a");
        photos.validated("pho_theirs", "usr_b");
        String pending = grant("usr_a", "image/jpeg", 10).photo().id();
        ValidationFailed e = assertThrows(ValidationFailed.class, () -> refs.requireUsable("usr_a", "photoKeys",
                List.of("pho_mine", "pho_theirs", pending, "uploads/a.jpg")));
        assertEquals(List.of("photoKeys[1]", "photoKeys[2]", "photoKeys[3]"), fields(e));
        assertTrue(e.fields().get(1).message().startsWith("is not validated yet"), e.fields().toString());
        refs.requireUsable("usr_a", "photoKeys", List.of("pho_mine"));
    }

    @Test
    void linksLiveTenMinutesAndErasureRemovesObjectsAndRecords() throws Exception {
        PhotoRefs.Links l = refs.links(List.of("pho_mine")).get(0);
        assertEquals(Instant.parse("2026-11-18T02:10:00Z"), l.expiresAt());
        assertTrue(l.thumbUrl().contains("/thumbs/pho_mine?") && l.thumbUrl().contains("X-Amz-Expires=600"), l.thumbUrl());
        assertTrue(l.url().contains("/photos/pho_mine?"), l.url());
        byte[] jpeg = image("jpg", 20, 20);
        Uploads.Grant g = grant("usr_a", "image/jpeg", jpeg.length);
        photos.bucket.put(g.photo().incomingKey(), jpeg, "image/jpeg");
        validation.validate(g.photo().incomingKey(), jpeg.length);
        assertEquals(1, new PhotoErasure(photos, photos.bucket).erase(List.of(g.photo().id(), "pho_unknown")));
        assertTrue(photos.bucket.objects.isEmpty());
        assertTrue(photos.records.isEmpty());
    }
}
