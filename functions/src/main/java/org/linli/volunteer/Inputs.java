package org.linli.volunteer;

import java.time.Instant;
import java.util.regex.Pattern;
import org.linli.core.Ids;
import org.linli.json.JsonInput;

/** Field readers the volunteer bodies share, on top of {@link JsonInput}. */
public final class Inputs {
    private static final Pattern ANY = Pattern.compile("[\\s\\S]*");

    private Inputs() {}

    public static Instant instant(JsonInput in, String name, boolean required) {
        return in.instant(name, required);
    }

    /** A user id ({@code usr_…}); anything else is a field error. */
    public static String userId(JsonInput in, String name, boolean required) {
        String s = required ? in.requiredMatch(name, ANY, "") : in.optionalMatch(name, ANY, "");
        if (s != null && !Ids.looksLike(s, "usr")) {
            in.error(name, "must be a user id (usr_…)");
            return null;
        }
        return s;
    }

    /** A 1-5 score. */
    public static Integer score(JsonInput in, String name) {
        Integer v = in.optionalInt(name, 1, 5);
        if (v == null && !in.has(name)) in.error(name, "is required: 1 to 5");
        return v;
    }
}
