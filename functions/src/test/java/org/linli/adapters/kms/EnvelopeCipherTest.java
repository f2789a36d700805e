package org.linli.adapters.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Envelope encryption: fields round-trip, are bound to their item, and data keys are cached (few KMS calls). */
class EnvelopeCipherTest {
    /** A key service wrapping data keys with AES-GCM under a master key held here, counting its calls. */
    static final class CountingKeys implements KeyService {
        private final SecretKeySpec master = new SecretKeySpec(new byte[32], "AES");
        private final SecureRandom random = new SecureRandom();
        int generated;
        int decrypted;

        @Override
        public DataKey generateDataKey() {
            generated++;
            byte[] plain = new byte[32];
            random.nextBytes(plain);
            return new DataKey(plain, crypt(Cipher.ENCRYPT_MODE, plain));
        }

        @Override
        public byte[] decrypt(byte[] wrapped) {
            decrypted++;
            return crypt(Cipher.DECRYPT_MODE, wrapped);
        }

        private byte[] crypt(int mode, byte[] in) {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(mode, master, new GCMParameterSpec(128, new byte[12]));
                return c.doFinal(in);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void aThousandItemsCostOneDataKeyAndAnotherProcessOneDecrypt() {
        CountingKeys keys = new CountingKeys();
        EnvelopeCipher writer = new EnvelopeCipher(keys, clock);
        String[] wrapped = new String[1000];
        String[] sealed = new String[1000];
        for (int i = 0; i < 1000; i++) {
            EnvelopeCipher.Sealer s = writer.sealer();
            wrapped[i] = s.wrappedKey();
            sealed[i] = s.seal("140302195003150021", "item" + i);
        }
        assertEquals(1, keys.generated);
        assertFalse(sealed[0].contains("1403021950"));
        assertNotEquals(sealed[0], sealed[1], "a fresh IV for each field");
        EnvelopeCipher reader = new EnvelopeCipher(keys, clock);
        for (int i = 0; i < 1000; i++) assertEquals("140302195003150021", reader.open(wrapped[i], sealed[i], "item" + i));
        assertEquals(1, keys.decrypted);
    }

    @Test
    void aSealedFieldMovedToAnotherItemDoesNotOpen() {
        EnvelopeCipher cipher = new EnvelopeCipher(new CountingKeys(), clock);
        EnvelopeCipher.Sealer s = cipher.sealer();
        String sealed = s.seal("独居/空巢老人", "COMMUNITY#C1|HH#hh_1|care");
        assertThrows(IllegalStateException.class, () -> cipher.open(s.wrappedKey(), sealed, "COMMUNITY#C1|HH#hh_2|care"));
    }
}
