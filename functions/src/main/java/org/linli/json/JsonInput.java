package org.linli.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.core.FieldError;
import org.linli.core.ValidationFailed;

/**
 * Reads one JSON object field by field, collecting every problem instead of stopping at the
 * first, so that a client gets all its field errors in one answer. Unknown fields are errors:
 * a misspelt field silently ignored is a bug report that never arrives.
 */
public final class JsonInput {
    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;
    private final Set<String> allowed;

    private JsonInput(JsonNode node, String path, List<FieldError> errors, Set<String> allowed) {
        this.node = node;
        this.path = path;
        this.errors = errors;
        this.allowed = allowed;
    }

    /** The body must be a JSON object holding only {@code allowed} fields. */
    public static JsonInput root(JsonNode body, Set<String> allowed) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ValidationFailed("The body must be a JSON object.", List.of(new FieldError("", "must be a JSON object")));
        }
        JsonInput in = new JsonInput(body, "", errors, allowed);
        in.checkUnknown();
        return in;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** Throws {@link ValidationFailed} with every error collected so far, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationFailed("The request is invalid: " + errors.size() + " field(s) need attention.", errors);
        }
    }

    public void error(String field, String message) {
        errors.add(new FieldError(qualify(field), message));
    }

    public String requiredString(String name, int min, int max, TextRule rule) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            error(name, "is required");
            return null;
        }
        return string(name, v, min, max, rule);
    }

    public String optionalString(String name, int min, int max, TextRule rule) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        return string(name, v, min, max, rule);
    }

    public String requiredMatch(String name, Pattern pattern, String describe) {
        String s = requiredString(name, 1, 200, TextRule.SINGLE_LINE);
        return matchOrError(name, s, pattern, describe);
    }

    public String optionalMatch(String name, Pattern pattern, String describe) {
        String s = optionalString(name, 1, 200, TextRule.SINGLE_LINE);
        return matchOrError(name, s, pattern, describe);
    }

    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            error(name, "is required");
            return null;
        }
        return enumValue(name, v, type);
    }

    public <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        return enumValue(name, v, type);
    }

    public BigDecimal requiredNumber(String name, BigDecimal min, BigDecimal max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            error(name, "is required");
            return null;
        }
        return number(name, v, min, max);
    }

    public BigDecimal optionalNumber(String name, BigDecimal min, BigDecimal max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        return number(name, v, min, max);
    }

    public Integer optionalInt(String name, int min, int max) {
        BigDecimal n = optionalNumber(name, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
        if (n == null) return null;
        if (n.stripTrailingZeros().scale() > 0) {
            error(name, "must be a whole number");
            return null;
        }
        return n.intValueExact();
    }

    public Boolean optionalBoolean(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isBoolean()) {
            error(name, "must be true or false");
            return null;
        }
        return v.booleanValue();
    }

    /** A required month {@code YYYY-MM} (a KPI or visit month), or null with an error. */
    public java.time.YearMonth requiredMonth(String name) {
        String m = requiredString(name, 7, 7, TextRule.SINGLE_LINE);
        if (m == null) return null;
        try {
            return java.time.YearMonth.parse(m);
        } catch (java.time.format.DateTimeParseException e) {
            error(name, "must be a month: YYYY-MM");
            return null;
        }
    }

    /** A nested object, or null (with an error) when present but not an object. */
    public JsonInput optionalObject(String name, Set<String> allowedFields) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) {
            error(name, "must be an object");
            return null;
        }
        JsonInput child = new JsonInput(v, qualify(name), errors, allowedFields);
        child.checkUnknown();
        return child;
    }

    public JsonInput requiredObject(String name, Set<String> allowedFields) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            error(name, "is required");
            return null;
        }
        return optionalObject(name, allowedFields);
    }

    /** Decimal places a number may carry: more than any coordinate or score needs, far from DynamoDB's limits. */
    public static final int MAX_DECIMALS = 20;

    /** Photo (upload) keys one field may carry: an abuse limit, the same on every route (docs/security.md). */
    public static final int MAX_PHOTO_KEYS = 9;
    /** An upload key: no absolute path, no {@code ..}, at most 200 characters. */
    public static final Pattern UPLOAD_KEY = Pattern.compile("(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9/_.-]{0,199}");

    /** At most {@link #MAX_PHOTO_KEYS} upload keys; null when absent. */
    public List<String> optionalPhotoKeys(String name) {
        return optionalStringList(name, MAX_PHOTO_KEYS, 200, UPLOAD_KEY,
                "must be an upload key: letters, digits, '/', '_', '.', '-', no '..'");
    }

    /** An array of objects, each holding only {@code allowedFields}; empty when absent. Errors name the item: {@code findings[1].note}. */
    public List<JsonInput> optionalObjectList(String name, int maxItems, Set<String> allowedFields) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) {
            error(name, "must be an array of objects");
            return List.of();
        }
        if (v.size() > maxItems) {
            error(name, "must hold at most " + maxItems + " items");
            return List.of();
        }
        List<JsonInput> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                error(name + "[" + i + "]", "must be an object");
                continue;
            }
            JsonInput child = new JsonInput(v.get(i), qualify(name + "[" + i + "]"), errors, allowedFields);
            child.checkUnknown();
            out.add(child);
        }
        return out;
    }

    /** A W3C date-time with its offset ({@code 2026-11-23T09:30:00+08:00}, {@link org.linli.core.format.DateTime}); null when absent or invalid (then an error). */
    public java.time.Instant instant(String name, boolean required) {
        String s = required ? requiredString(name, 1, 40, TextRule.SINGLE_LINE) : optionalString(name, 1, 40, TextRule.SINGLE_LINE);
        if (s == null) return null;
        java.time.Instant at = org.linli.core.format.DateTime.parse(s);
        if (at == null) error(name, org.linli.core.format.DateTime.RULE);
        return at;
    }

    /** An array of strings, each checked by {@code pattern}; null when absent. */
    public List<String> optionalStringList(String name, int maxItems, int maxLength, Pattern pattern, String describe) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) {
            error(name, "must be an array of strings");
            return null;
        }
        if (v.size() > maxItems) {
            error(name, "must hold at most " + maxItems + " items");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String field = name + "[" + i + "]";
            if (!item.isTextual()) {
                error(field, "must be a string");
                continue;
            }
            String s = item.textValue();
            if (s.isEmpty() || s.length() > maxLength || !pattern.matcher(s).matches()) {
                error(field, describe);
                continue;
            }
            out.add(s);
        }
        return out;
    }

    /** An array of whole numbers in {@code min..max}, exactly {@code size} of them; null when absent. */
    public List<Integer> optionalIntList(String name, int size, int min, int max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isArray() || v.size() != size) {
            error(name, "must be an array of " + size + " whole numbers");
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToInt() || item.intValue() < min || item.intValue() > max) {
                error(name + "[" + i + "]", "must be a whole number between " + min + " and " + max);
                continue;
            }
            out.add(item.intValue());
        }
        return out.size() == size ? out : null;
    }

    private String string(String name, JsonNode v, int min, int max, TextRule rule) {
        if (!v.isTextual()) {
            error(name, "must be a string");
            return null;
        }
        String s = rule == TextRule.MULTI_LINE ? v.textValue().strip() : v.textValue().trim();
        int length = s.codePointCount(0, s.length());
        if (length < min) {
            error(name, min == 1 ? "must not be empty" : "must be at least " + min + " characters");
            return null;
        }
        if (length > max) {
            error(name, "must be at most " + max + " characters");
            return null;
        }
        String problem = rule.problem(s);
        if (problem != null) {
            error(name, problem);
            return null;
        }
        return s;
    }

    private String matchOrError(String name, String s, Pattern pattern, String describe) {
        if (s == null) return null;
        if (!pattern.matcher(s).matches()) {
            error(name, describe);
            return null;
        }
        return s;
    }

    private <E extends Enum<E>> E enumValue(String name, JsonNode v, Class<E> type) {
        E[] constants = type.getEnumConstants();
        if (v.isTextual()) {
            for (E e : constants) {
                if (e.name().equals(v.textValue())) return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : constants) names.append(names.length() == 0 ? "" : ", ").append(e.name());
        error(name, "must be one of " + names);
        return null;
    }

    private BigDecimal number(String name, JsonNode v, BigDecimal min, BigDecimal max) {
        if (!v.isNumber()) {
            error(name, "must be a number");
            return null;
        }
        BigDecimal n = v.decimalValue();
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            error(name, "must be between " + min.toPlainString() + " and " + max.toPlainString());
            return null;
        }
        // In range yet unstorable: DynamoDB holds 38 significant digits down to 1E-130 (1.0E-300 is a 500).
        if (n.scale() > MAX_DECIMALS || n.precision() > 38) {
            error(name, "must have at most " + MAX_DECIMALS + " decimal places");
            return null;
        }
        return n;
    }

    private void checkUnknown() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                errors.add(new FieldError(qualify(n), "is not a known field"));
            }
        }
    }

    private String qualify(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** What characters a free-text field may hold. */
    public enum TextRule {
        /** Names, codes: no line breaks, no control characters. */
        SINGLE_LINE,
        /** Descriptions: line breaks and tabs allowed, other control characters not. */
        MULTI_LINE;

        /** Why {@code s} may not be stored as this kind of text, or null when it may. */
        public String problem(String s) {
            // U+200B, U+3000, U+FEFF, U+2028: not trimmed by strip(), yet nothing to read (issue 13 defect 6).
            if (!s.isEmpty() && !org.linli.core.Characters.anyVisible(s)) return "must hold visible characters, not only blank or invisible ones";
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    return "holds an invalid character";
                }
                // U+FFFD is what a broken encoding decodes to: refuse rather than store mojibake.
                if (c == '\uFFFD') return "holds an invalid character (was the text UTF-8?)";
                boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
                if (lineBreak && this == MULTI_LINE) continue;
                if (Character.getType(c) == Character.CONTROL) return "must not hold control characters";
                // Bidirectional overrides can disguise text shown to staff; plain RTL text is fine.
                if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                    return "must not hold bidirectional override characters";
                }
            }
            return null;
        }
    }
}
