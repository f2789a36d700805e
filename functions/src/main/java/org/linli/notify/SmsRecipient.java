package org.linli.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.linli.core.Masking;

/**
 * A phone an SMS goes to, and the key it is recorded under: a SHA-256 of the number, so that the
 * SMS records, the daily counters and the logs never carry the number itself. (Eleven digits are
 * easily tried: the key is a pseudonym, not anonymity - the number stays in the report, where
 * retention erases it.) {@link #toString} masks.
 */
public record SmsRecipient(String phone, String key) {
    public static SmsRecipient of(String phone) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("sms:" + phone).getBytes(StandardCharsets.UTF_8));
            return new SmsRecipient(phone, HexFormat.of().formatHex(d, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SmsRecipient[" + Masking.phone(phone) + ", " + key + "]";
    }
}
