package org.linli.http;

/** Matches a request path against an API Gateway route path ({@code /reports/{reportId}}, {@code {proxy+}}). */
public final class RouteTemplate {
    private RouteTemplate() {}

    public static boolean matches(String template, String path) {
        String[] t = split(template);
        String[] p = split(path);
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("+}")) return p.length > i;
            if (i >= p.length) return false;
            boolean param = t[i].startsWith("{") && t[i].endsWith("}");
            if (!param && !t[i].equals(p[i])) return false;
            if (param && p[i].isEmpty()) return false;
        }
        return t.length == p.length;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
