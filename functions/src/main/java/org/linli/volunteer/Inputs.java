package org.linli.volunteer;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.linli.core.Ids;
import org.linli.json.JsonInput;

/** Field readers the volunteer bodies share, on top of {@link JsonInput}. */
final class Inputs {
    static final int MAX_PHOTOS = 9;
    static final Pattern UPLOAD_KEY = Pattern.compile("(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9/_.-]{0,199}");
    private static final Pattern ANY = Pattern.compile("[\\s\\S]*");

    private Inputs() {}

    static Instant instant(JsonInput in, String name, boolean required) {
        return in.instant(name, required);
    }

    static List<String> photos(JsonInput in, String name) {
        return in.optionalStringList(name, MAX_PHOTOS, 200, UPLOAD_KEY,
                "must be an upload key: letters, digits, '/', '_', '.', '-', no '..'");
    }

    /** A user id ({@code usr_…}); anything else is a field error. */
    static String userId(JsonInput in, String name, boolean required) {
        String s = required ? in.requiredMatch(name, ANY, "") : in.optionalMatch(name, ANY, "");
        if (s != null && !Ids.looksLike(s, "usr")) {
            in.error(name, "must be a user id (usr_…)");
            return null;
        }
        return s;
    }

    /** A 1-5 score. */
    static Integer score(JsonInput in, String name) {
        Integer v = in.optionalInt(name, 1, 5);
        if (v == null && !in.has(name)) in.error(name, "is required: 1 to 5");
        return v;
    }
}
