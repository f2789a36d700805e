package org.linli.registers;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The citizen identity number of GB 11643-1999: six digits of the region, the birth date
 * (yyyyMMdd), three of sequence and a check character (ISO 7064 MOD 11-2, 0-9 or X).
 */
public final class IdNumber {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumber() {}

    /** Upper-cased and trimmed (a lower-case x is common in ledgers). */
    public static String normalise(String given) {
        return given == null ? null : given.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether {@code id} (normalised) has 18 characters, a real birth date and the right check character. */
    public static boolean valid(String id) {
        if (id == null || id.length() != 18) return false;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') return false;
            sum += (c - '0') * WEIGHTS[i];
        }
        if (id.charAt(17) != CHECK.charAt(sum % 11)) return false;
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            return born.getYear() >= 1900;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The check character for the first 17 digits (for tests and synthetic ledgers). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK.charAt(sum % 11);
    }

    /** {@code 140302195003150021 → 140302********0021}: the region and the last four, as lists show it. */
    public static String mask(String id) {
        if (id == null || id.length() < 10) return id == null ? null : "****";
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
