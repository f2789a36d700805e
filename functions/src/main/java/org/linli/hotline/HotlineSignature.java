package org.linli.hotline;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.linli.core.Unauthenticated;

/**
 * The signature of a message between Linli and the hotline platform, both ways: HMAC-SHA256 with
 * the shared secret over {@code timestamp + "." + body} (the timestamp in epoch seconds, the body's
 * exact bytes), hex. The timestamp is signed so that a captured message cannot be replayed later
 * with a fresh one; a message older or newer than {@link #WINDOW} is refused even when its
 * signature holds (a replay within the window is the order number's to refuse).
 */
public final class HotlineSignature {
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private HotlineSignature() {}

    /** The shared key as stored in Secrets Manager (its text): the UTF-8 bytes of the text, trimmed. */
    public static byte[] key(String secretString) {
        return secretString.strip().getBytes(StandardCharsets.UTF_8);
    }

    public static String sign(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks a received message; {@link Unauthenticated} ({@code BAD_SIGNATURE} or
     * {@code STALE_TIMESTAMP}) otherwise. Compared in constant time.
     */
    public static void verify(byte[] secret, String timestampHeader, String signatureHeader, byte[] body, Instant now) {
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader == null ? "" : timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw new Unauthenticated("BAD_SIGNATURE", "The message has no valid timestamp.");
        }
        String expected = sign(secret, timestamp, body);
        String given = signatureHeader == null ? "" : signatureHeader.trim().toLowerCase(java.util.Locale.ROOT);
        if (given.startsWith("sha256=")) given = given.substring("sha256=".length());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            throw new Unauthenticated("BAD_SIGNATURE", "The message's signature does not match.");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > WINDOW.toSeconds()) {
            throw new Unauthenticated("STALE_TIMESTAMP", "The message's timestamp is outside the " + WINDOW.toMinutes() + "-minute window.");
        }
    }
}
