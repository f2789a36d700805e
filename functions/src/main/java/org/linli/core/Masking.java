package org.linli.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal information for public views (PIPL): a name keeps its first character
 * ({@code 张三丰 → 张*}, one star whatever the length, so the length leaks nothing), a phone keeps
 * its prefix and last four digits ({@code 13812341234 → 138****1234}), and free text has every
 * phone or ID-card number - and the names of the people it is about - masked. Addresses are never shown publicly, so there is no
 * address mask: public views leave them out.
 */
public final class Masking {
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3})(-?)(\\d{3,4})(\\d{4})(?!\\d)");
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    /** A mobile number typed with spaces or dashes in free text: 138 1234 1234. */
    private static final Pattern SPACED_MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)[ -](\\d{4})[ -](\\d{4})(?!\\d)");
    /** Eight or more digits in a row that are none of the above (QQ or account numbers). */
    private static final Pattern LONG_DIGITS = Pattern.compile("(?<![\\d*])\\d{8,}(?![\\d*])");

    private Masking() {}

    /** {@code 张三 → 张*}; blank or null → null. */
    public static String name(String name) {
        if (name == null || name.isBlank()) return null;
        String trimmed = name.strip();
        return new String(Character.toChars(trimmed.codePointAt(0))) + "*";
    }

    /** {@code 13812341234 → 138****1234}, {@code 0353-7000010 → 0353-****0010}; anything else fully masked. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) return null;
        Matcher m = MOBILE.matcher(phone);
        if (m.matches()) return m.group(1) + "****" + m.group(3);
        m = LANDLINE.matcher(phone);
        if (m.matches()) return m.group(1) + m.group(2) + "****" + m.group(4);
        return "****";
    }

    /**
     * Free text with phone numbers, ID-card numbers and other long digit runs masked, and every
     * occurrence of the given names (the people the text is about) masked like {@link #name}.
     */
    public static String text(String text, String... names) {
        if (text == null) return null;
        String out = text;
        for (String n : names) {
            if (n != null && n.strip().codePointCount(0, n.strip().length()) >= 2) out = out.replace(n.strip(), name(n));
        }
        out = ID_CARD.matcher(out).replaceAll("$1********$2");
        out = MOBILE.matcher(out).replaceAll("$1****$3");
        out = SPACED_MOBILE.matcher(out).replaceAll("$1****$3");
        out = LANDLINE.matcher(out).replaceAll("$1$2****$4");
        return LONG_DIGITS.matcher(out).replaceAll("****");
    }
}
