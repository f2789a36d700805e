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

    /** The longest free-form phone kept as given (longer ones are cut, never refused). */
    public static final int MAX_GIVEN = 40;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().·/]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /**
     * A phone given as free-form contact data (an Open311 client's {@code phone}, a hotline
     * caller's number): a mainland mobile however written ({@code +86 138 1234 1234},
     * {@code 0086-138…}, {@code 138-1234-1234}) becomes its 11 digits, so that masking and SMS see
     * one shape; anything else is kept as given, trimmed (at most {@link #MAX_GIVEN} characters) -
     * an optional contact is never a reason to refuse. Blank → null.
     */
    public static String normalise(String given) {
        if (given == null || given.isBlank()) return null;
        String kept = given.strip();
        String digits = SEPARATORS.matcher(kept).replaceAll("");
        if (digits.startsWith("+86")) digits = digits.substring(3);
        else if (digits.startsWith("0086")) digits = digits.substring(4);
        else if (digits.length() == 13 && digits.startsWith("86")) digits = digits.substring(2);
        if (MOBILE.matcher(digits).matches()) return digits;
        return kept.length() > MAX_GIVEN ? kept.substring(0, MAX_GIVEN) : kept;
    }

    private static final Pattern WRITTEN = Pattern.compile("(?:[0-9+\\-().·/#*,;\\s]|ext\\.?|EXT\\.?|x|X|转|分机)+");

    /**
     * Whether free-form text is a phone number in some writing - 7 to 20 digits with only the
     * marks people write numbers with (+, -, (), spaces, dots, an extension: ext, x, 转, 分机).
     * What is not (a word, a script, an SQL fragment) is not contact data to keep.
     */
    public static boolean written(String given) {
        if (given == null) return false;
        String s = given.strip();
        long digits = s.chars().filter(c -> c >= '0' && c <= '9').count();
        return digits >= 7 && digits <= 20 && WRITTEN.matcher(s).matches();
    }

    /** Whether a phone (as {@link #normalise} leaves it) is a mainland mobile an SMS can reach. */
    public static boolean mobile(String phone) {
        return phone != null && MOBILE.matcher(phone).matches();
    }

    /** The last four digits of a phone, null when it has fewer: what the case register searches by, never the number. */
    public static String tail(String phone) {
        if (phone == null) return null;
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() < 4 ? null : digits.substring(digits.length() - 4);
    }
}
