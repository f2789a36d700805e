package org.linli.handlers;

import java.util.regex.Pattern;
import org.linli.core.ValidationFailed;
import org.linli.http.ApiRequest;

/** The optional {@code Idempotency-Key} header of a creating POST. */
final class Idempotency {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Idempotency() {}

    static String key(ApiRequest request) {
        String key = request.header("idempotency-key").orElse(null);
        if (key != null && !KEY.matcher(key).matches()) {
            throw ValidationFailed.of("Idempotency-Key", "must be 1-128 characters: letters, digits, '.', '_', ':', '-'");
        }
        return key;
    }
}
