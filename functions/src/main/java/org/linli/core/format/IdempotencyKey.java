package org.linli.core.format;

import java.util.regex.Pattern;
import org.linli.core.ValidationFailed;

/**
 * The {@code Idempotency-Key} a client sends with a creating or acting request and reuses on its
 * retries: 1-128 letters, digits, '.', '_', ':' or '-'. The one definition for reports, case
 * actions, wishes, service logs and patrols.
 */
public final class IdempotencyKey {
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final String FIELD = "Idempotency-Key";

    private IdempotencyKey() {}

    public static boolean valid(String key) {
        return key != null && PATTERN.matcher(key).matches();
    }

    /** An optional key: null when absent, refused ({@link ValidationFailed}) when malformed. */
    public static String optional(String key) {
        if (key != null && !valid(key)) {
            throw ValidationFailed.of(FIELD, "must be 1-128 characters: letters, digits, '.', '_', ':', '-'");
        }
        return key;
    }

    /** A key the request cannot go without (case actions). */
    public static String required(String key) {
        if (key == null) throw ValidationFailed.of(FIELD, "is required: a client request id, reused on retries");
        return optional(key);
    }
}
