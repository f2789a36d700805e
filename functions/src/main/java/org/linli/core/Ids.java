package org.linli.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Identifiers: a prefix naming the kind ({@code rpt_}, {@code case_}) and 26 Crockford base-32
 * characters. Random ids are ULID-shaped (48-bit time, 80-bit randomness) so they sort by
 * creation; derived ids are a hash of their inputs, so a retried request maps to the same id.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern SHAPE = Pattern.compile("[a-z]{2,8}_[0-9A-HJKMNP-TV-Z]{26}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String random(String prefix, Instant now) {
        byte[] bytes = timed(now);
        byte[] tail = new byte[10];
        RANDOM.nextBytes(tail);
        System.arraycopy(tail, 0, bytes, 6, 10);
        return prefix + "_" + encode(bytes);
    }

    /** The same inputs always give the same id (used for idempotent creation). */
    public static String derived(String prefix, String... parts) {
        byte[] first = new byte[16];
        System.arraycopy(digest(parts), 0, first, 0, 16);
        return prefix + "_" + encode(first);
    }

    /**
     * A derived id that sorts by {@code time}: 48 bits of epoch millis, then 80 bits of the hash of
     * {@code parts}. For ids that must be both idempotent (same inputs, same id) and ordered.
     */
    public static String derivedAt(String prefix, Instant time, String... parts) {
        byte[] bytes = timed(time);
        System.arraycopy(digest(parts), 0, bytes, 6, 10);
        return prefix + "_" + encode(bytes);
    }

    /** 16 bytes whose first 6 are the epoch millis, big-endian: ids that sort by time. */
    private static byte[] timed(Instant time) {
        byte[] bytes = new byte[16];
        long millis = time.toEpochMilli();
        for (int i = 5; i >= 0; i--) {
            bytes[i] = (byte) (millis & 0xFF);
            millis >>>= 8;
        }
        return bytes;
    }

    private static byte[] digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Swaps the kind prefix, keeping the body: a report's first case shares its id body. */
    public static String rebrand(String id, String prefix) {
        return prefix + id.substring(id.indexOf('_'));
    }

    /** True when {@code id} has the shape of one of our ids with the given prefix. */
    public static boolean looksLike(String id, String prefix) {
        return id != null && id.startsWith(prefix + "_") && SHAPE.matcher(id).matches();
    }

    private static String encode(byte[] sixteen) {
        // 128 bits -> 26 base-32 characters (the first carries 3 bits).
        char[] out = new char[26];
        java.math.BigInteger value = new java.math.BigInteger(1, sixteen);
        for (int i = 25; i >= 0; i--) {
            out[i] = ALPHABET[value.intValue() & 31];
            value = value.shiftRight(5);
        }
        return new String(out);
    }
}
