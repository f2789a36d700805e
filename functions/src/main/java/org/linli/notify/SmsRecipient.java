package org.linli.notify;

import org.linli.core.Digests;
import org.linli.core.Masking;

/**
 * A phone an SMS goes to, and the key it is recorded under: a SHA-256 of the number, so that the
 * SMS records, the daily counters and the logs never carry the number itself. (Eleven digits are
 * easily tried: the key is a pseudonym, not anonymity - the number stays in the report, where
 * retention erases it.) {@link #toString} masks.
 */
public record SmsRecipient(String phone, String key) {
    public static SmsRecipient of(String phone) {
        return new SmsRecipient(phone, Digests.sha256Hex("sms:" + phone).substring(0, 32));
    }

    @Override
    public String toString() {
        return "SmsRecipient[" + Masking.phone(phone) + ", " + key + "]";
    }
}
