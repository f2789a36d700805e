package org.linli.core.format;

import java.util.regex.Pattern;

/**
 * A phone number as residents and staff give it: a mainland mobile (11 digits, 13x-19x) or a
 * landline with its area code (0xx or 0xxx, an optional '-', 7 or 8 digits). The one definition
 * for reports, wishes, volunteer registrations, Open311 requests and imported rosters.
 */
public final class Phone {
    public static final Pattern PATTERN = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    /** The field error every form gives for a number of another shape. */
    public static final String RULE = "must be a mainland mobile (11 digits) or a landline with area code";

    private Phone() {}

    public static boolean valid(String phone) {
        return phone != null && PATTERN.matcher(phone).matches();
    }
}
