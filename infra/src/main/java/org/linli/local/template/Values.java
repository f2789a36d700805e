package org.linli.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions of resolved template values (YAML gives strings, numbers, booleans, lists, maps). */
public final class Values {
    private Values() {}

    public static String str(Object value) {
        if (value == null) return null;
        if (value instanceof String s) return s;
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        throw new TemplateException("expected a string but found " + describe(value));
    }

    public static String str(Map<String, Object> props, String key, String fallback) {
        String s = str(props.get(key));
        return s == null ? fallback : s;
    }

    public static Integer integer(Object value, String what) {
        if (value == null) return null;
        if (value instanceof Number n) return n.intValue();
        try {
            return Integer.parseInt(str(value).trim());
        } catch (NumberFormatException e) {
            throw new TemplateException(what + ": expected an integer but found '" + value + "'");
        }
    }

    public static int integer(Map<String, Object> props, String key, int fallback, String where) {
        Integer i = integer(props.get(key), where + "." + key);
        return i == null ? fallback : i;
    }

    public static Double number(Object value, String what) {
        if (value == null) return null;
        if (value instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(str(value).trim());
        } catch (NumberFormatException e) {
            throw new TemplateException(what + ": expected a number but found '" + value + "'");
        }
    }

    public static boolean bool(Object value, boolean fallback) {
        if (value == null) return fallback;
        if (value instanceof Boolean b) return b;
        String s = str(value).trim();
        if (s.equalsIgnoreCase("true")) return true;
        if (s.equalsIgnoreCase("false")) return false;
        throw new TemplateException("expected true or false but found '" + value + "'");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        if (value == null) return Map.of();
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new TemplateException("expected a map but found " + describe(value));
    }

    public static List<Object> list(Object value) {
        if (value == null) return List.of();
        if (value instanceof List<?> l) return new ArrayList<>(l);
        throw new TemplateException("expected a list but found " + describe(value));
    }

    public static List<String> strings(Object value) {
        if (value == null) return List.of();
        if (value instanceof String s) return List.of(s);
        List<String> out = new ArrayList<>();
        for (Object o : list(value)) out.add(str(o));
        return out;
    }

    static String describe(Object value) {
        if (value instanceof Map<?, ?> m) return "a map " + m.keySet();
        if (value instanceof List<?>) return "a list";
        return "'" + value + "'";
    }
}
