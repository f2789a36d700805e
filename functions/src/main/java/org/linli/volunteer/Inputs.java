package org.linli.volunteer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.linli.core.Ids;
import org.linli.json.JsonInput;

/** Field readers the volunteer bodies share, on top of {@link JsonInput}. */
final class Inputs {
    private static final Pattern ANY = Pattern.compile("[\\s\\S]*");
    private static final String DATE_TIME = "must be a date-time with its offset, e.g. 2026-11-23T09:30:00+08:00";

    private Inputs() {}

    static Instant instant(JsonInput in, String name, boolean required) {
        String s = required ? in.requiredString(name, 1, 40, JsonInput.TextRule.SINGLE_LINE)
                : in.optionalString(name, 1, 40, JsonInput.TextRule.SINGLE_LINE);
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            in.error(name, DATE_TIME);
            return null;
        }
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
