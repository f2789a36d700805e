package org.linli.core;

/** Personal information as shown to people who may not see it whole (PIPL): 138****1234. */
public final class Masking {
    private Masking() {}

    public static String phone(String phone) {
        if (phone == null) return null;
        if (phone.length() < 8) return "*".repeat(phone.length());
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
