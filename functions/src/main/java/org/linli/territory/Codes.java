package org.linli.territory;

import java.util.regex.Pattern;

/** The shape of a territory code (nodes, compounds, buildings): safe in keys, paths and URLs. */
public final class Codes {
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private Codes() {}

    public static boolean valid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }
}
