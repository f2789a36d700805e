package org.linli.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.core.Unauthenticated;

class HotlineSignatureTest {
    private static final byte[] SECRET = "shared-secret-of-the-hotline".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final byte[] BODY = "{\"orderNo\":\"GD20261204000123\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aKnownVector() {
        // openssl: printf '1764849600.{"orderNo":"GD20261204000123"}' | openssl dgst -sha256 -hmac shared-secret-of-the-hotline
        assertEquals("92fc3e8a52debbd37d34277c95f55f6b26a92abb3073e166138f8a8ce86026e5", HotlineSignature.sign(SECRET, 1764849600L, BODY));
    }

    @Test
    void aSignedMessageInTheWindowIsAccepted() {
        long ts = NOW.getEpochSecond() - 60;
        String sig = HotlineSignature.sign(SECRET, ts, BODY);
        HotlineSignature.verify(SECRET, Long.toString(ts), sig, BODY, NOW);
        HotlineSignature.verify(SECRET, Long.toString(ts), "sha256=" + sig.toUpperCase(), BODY, NOW);
    }

    @Test
    void aForgedOrAlteredMessageIsRefused() {
        long ts = NOW.getEpochSecond();
        String sig = HotlineSignature.sign(SECRET, ts, BODY);
        byte[] altered = "{\"orderNo\":\"GD20261204000124\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("BAD_SIGNATURE", assertThrows(Unauthenticated.class,
                () -> HotlineSignature.verify(SECRET, Long.toString(ts), sig, altered, NOW)).code());
        assertEquals("BAD_SIGNATURE", assertThrows(Unauthenticated.class,
                () -> HotlineSignature.verify("other".getBytes(StandardCharsets.UTF_8), Long.toString(ts), sig, BODY, NOW)).code());
        // The timestamp is signed: a fresh timestamp on an old signature does not verify.
        assertEquals("BAD_SIGNATURE", assertThrows(Unauthenticated.class,
                () -> HotlineSignature.verify(SECRET, Long.toString(ts + 1), sig, BODY, NOW)).code());
        assertEquals("BAD_SIGNATURE", assertThrows(Unauthenticated.class, () -> HotlineSignature.verify(SECRET, "soon", sig, BODY, NOW)).code());
    }

    @Test
    void aStaleTimestampIsRefusedEvenWhenSigned() {
        long old = NOW.getEpochSecond() - HotlineSignature.WINDOW.toSeconds() - 1;
        String sig = HotlineSignature.sign(SECRET, old, BODY);
        assertEquals("STALE_TIMESTAMP", assertThrows(Unauthenticated.class,
                () -> HotlineSignature.verify(SECRET, Long.toString(old), sig, BODY, NOW)).code());
    }
}
