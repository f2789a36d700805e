package org.linli.handlers;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.linli.core.ValidationFailed;
import org.linli.http.ApiRequest;

/** Typed query parameters, refused in the error format when malformed. */
final class QueryParams {
    private QueryParams() {}

    static <E extends Enum<E>> E enumParam(ApiRequest r, String name, Class<E> type) {
        String v = r.query(name).orElse(null);
        if (v == null) return null;
        for (E e : type.getEnumConstants()) if (e.name().equals(v)) return e;
        throw ValidationFailed.of(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
    }

    static boolean flag(ApiRequest r, String name) {
        String v = r.query(name).orElse("false");
        if (v.equals("true")) return true;
        if (v.equals("false")) return false;
        throw ValidationFailed.of(name, "must be true or false");
    }
}
