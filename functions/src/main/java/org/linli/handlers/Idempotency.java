package org.linli.handlers;

import org.linli.core.format.IdempotencyKey;
import org.linli.http.ApiRequest;

/** The {@code Idempotency-Key} header of a creating POST (optional) or a case action (required). */
final class Idempotency {
    private Idempotency() {}

    static String key(ApiRequest request) {
        return IdempotencyKey.optional(request.header("idempotency-key").orElse(null));
    }

    static String required(ApiRequest request) {
        return IdempotencyKey.required(request.header("idempotency-key").orElse(null));
    }
}
