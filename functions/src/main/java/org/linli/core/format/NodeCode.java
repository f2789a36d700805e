package org.linli.core.format;

import java.util.regex.Pattern;

/**
 * The shape of a territory code - nodes at every level, compounds, buildings - and of a
 * department code: a letter or digit, then up to 63 letters, digits, '_' or '-'. Safe in keys,
 * paths and URLs. The one definition: request bodies, path parameters, access scopes and the
 * territory import all check codes here.
 */
public final class NodeCode {
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private NodeCode() {}

    public static boolean valid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }
}
