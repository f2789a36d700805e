package org.linli.adapters.kms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of fields: AES-256-GCM here under a data key that KMS generated and wrapped
 * under the master key. The wrapped key is stored with what it encrypted; the master key never
 * leaves KMS. Data keys are cached per process (the AWS Encryption SDK's caching idea): one key
 * seals up to {@link #MAX_USES} items or for {@link #MAX_AGE}, and unwrapped keys are kept (at most
 * {@link #MAX_OPENED}), so a ledger of 500 households costs one GenerateDataKey and a list of
 * them one Decrypt, not one per item. Every ciphertext is bound to its item and attribute (the
 * GCM associated data), so a sealed field copied to another household does not open.
 */
public final class EnvelopeCipher {
    static final int MAX_USES = 10_000;
    static final Duration MAX_AGE = Duration.ofMinutes(15);
    static final int MAX_OPENED = 64;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyService keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> opened = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SecretKey> eldest) {
            return size() > MAX_OPENED;
        }
    };
    private Current current;

    private record Current(String wrapped, SecretKey key, Instant until, int[] uses) {}

    public EnvelopeCipher(KeyService keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Seals the fields of one item under one data key. */
    public final class Sealer {
        private final String wrapped;
        private final SecretKey key;

        private Sealer(String wrapped, SecretKey key) {
            this.wrapped = wrapped;
            this.key = key;
        }

        /** The wrapped data key (base64), to store with the item. */
        public String wrappedKey() {
            return wrapped;
        }

        /** base64(iv ‖ ciphertext ‖ tag), bound to {@code context} (the item's key and attribute). */
        public String seal(String plaintext, String context) {
            try {
                byte[] iv = new byte[IV_BYTES];
                random.nextBytes(iv);
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
                c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
                byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM unavailable", e);
            }
        }
    }

    /** A sealer for one item: the cached data key, or a new one when it is used up or too old. */
    public synchronized Sealer sealer() {
        Instant now = clock.instant();
        if (current == null || current.uses()[0] >= MAX_USES || now.isAfter(current.until())) {
            KeyService.DataKey k = keys.generateDataKey();
            String wrapped = Base64.getEncoder().encodeToString(k.wrapped());
            SecretKey key = new SecretKeySpec(k.plaintext(), "AES");
            current = new Current(wrapped, key, now.plus(MAX_AGE), new int[] {0});
            opened.put(wrapped, key);
        }
        current.uses()[0]++;
        return new Sealer(current.wrapped(), current.key());
    }

    /** Opens a field sealed under {@code wrappedKey} (unwrapped through KMS once per process and key). */
    public String open(String wrappedKey, String sealed, String context) {
        SecretKey key = key(wrappedKey);
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed field did not open (tampered, or moved from another item)", e);
        }
    }

    private synchronized SecretKey key(String wrappedKey) {
        SecretKey k = opened.get(wrappedKey);
        if (k == null) {
            k = new SecretKeySpec(keys.decrypt(Base64.getDecoder().decode(wrappedKey)), "AES");
            opened.put(wrappedKey, k);
        }
        return k;
    }
}
