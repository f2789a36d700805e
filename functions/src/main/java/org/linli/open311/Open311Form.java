package org.linli.open311;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.linli.categories.Category;
import org.linli.core.FieldError;
import org.linli.core.NotFound;
import org.linli.core.ValidationFailed;
import org.linli.core.format.NodeCode;
import org.linli.core.format.Phone;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.JsonInput.TextRule;
import org.linli.report.Contact;
import org.linli.report.ReportDraft;
import org.linli.report.Source;

/**
 * A create_request form (GeoReport v2, form-encoded) read into what Linli files: the text checks
 * before any field is interpreted - every value is text a person typed (no control or bidi-override
 * characters, no broken UTF-8: the form decoder turns bad bytes into U+FFFD), names fit the
 * contact's 50 characters, an e-mail looks like one - then the location (WGS-84 {@code lat}/{@code long}
 * or a building code as {@code address_id}, or an {@code address_string}), the service's attributes
 * (others ignored), the description and phone (free-form: normalised when a mobile, kept otherwise).
 * Every problem is a field error; the service code and the api_key are the handler's to check first.
 */
public final class Open311Form {
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_ADDRESS = 200;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Open311Form() {}

    /**
     * A request as read: where (a point, a building code, an address as text - at least one), what,
     * and who (name and phone, both optional; the phone as {@link Phone#normalise} leaves it).
     */
    public record Request(GeoPoint point, String buildingCode, String addressString, String description, String name,
                          String phone, boolean anonymous, String accountId) {
        /**
         * The report it files, of {@code category} (its name when the request has no description),
         * placed at {@code buildingCode} (the request's, or one its address named) or, failing that,
         * only known to lie in {@code placeCode}; an address as text is appended to the description,
         * so that the dispatcher sees it.
         */
        public ReportDraft draft(Category category, String buildingCode, String placeCode) {
            String text = description == null ? category.name() : description;
            if (addressString != null) text = text + "\n地址：" + addressString;
            if (text.length() > MAX_DESCRIPTION) text = text.substring(0, MAX_DESCRIPTION);
            return new ReportDraft(category.code(), text, point, buildingCode, List.of(), new Contact(name, phone), anonymous,
                    Source.OPEN311, point == null && buildingCode == null ? placeCode : null);
        }

        public ReportDraft draft(Category category) {
            return draft(category, buildingCode, null);
        }

        /** True when only the address text says where: the handler must match it. */
        public boolean addressOnly() {
            return point == null && buildingCode == null;
        }

        /** The field to blame when the place is not in the territory. */
        public String locationField() {
            return point != null ? "lat" : buildingCode != null ? "address_id" : "address_string";
        }
    }

    /** Reads and checks the form; {@link ValidationFailed} with every field error. */
    public static Request parse(Map<String, List<String>> form) {
        List<FieldError> errors = new ArrayList<>(repeated(form));
        errors.addAll(textProblems(form));
        GeoPoint point = point(form, errors);
        String building = first(form, "address_id");
        Map<String, String> attributes = attributes(form, errors);
        if (building == null) building = attributes.get(Open311Catalog.BUILDING_CODE);
        if (building != null && !NodeCode.valid(building)) {
            errors.add(new FieldError("address_id", "is not a building code"));
            building = null;
        }
        String address = first(form, "address_string");
        if (address != null && address.length() > MAX_ADDRESS) {
            errors.add(new FieldError("address_string", "is longer than " + MAX_ADDRESS + " characters"));
        }
        if (point == null && building == null && address == null && errors.isEmpty()) {
            errors.add(new FieldError("lat", "a location is required: lat & long (WGS84), address_id (a building code) or address_string"));
        }
        String description = first(form, "description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "is longer than " + MAX_DESCRIPTION + " characters"));
        }
        String phone = first(form, "phone");
        if (phone != null && !Phone.written(phone)) errors.add(new FieldError("phone", "is not a phone number in any writing"));
        if (!errors.isEmpty()) throw new ValidationFailed("The request is invalid.", errors);
        return new Request(point, building, address, description, name(first(form, "last_name"), first(form, "first_name")),
                Phone.normalise(first(form, "phone")), "true".equals(attributes.get(Open311Catalog.ANONYMOUS)),
                first(form, "account_id"));
    }

    /**
     * Every field of GeoReport v2 is single-valued (a multivaluelist attribute is sent as
     * {@code attribute[code][]}): a field sent twice is ambiguous - which {@code service_code}, which
     * {@code api_key}? - and refused rather than read as its first value.
     */
    public static List<FieldError> repeated(Map<String, List<String>> params) {
        List<FieldError> errors = new ArrayList<>();
        params.forEach((name, values) -> {
            if (values.size() > 1 && !name.endsWith("[]")) errors.add(new FieldError(name, "was sent more than once"));
        });
        return errors;
    }

    /**
     * A query string's parameters with every value, decoded ({@code +} is a space): API Gateway
     * joins repeated ones with commas in its map, which would hide a repetition.
     */
    public static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return out;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ValidationFailed.of(name, "is not valid URL encoding");
            }
        }
        return out;
    }

    /**
     * A form's normalised content, for recognising a re-sent request: the fields sorted by name,
     * values trimmed, blank ones and the {@code api_key} left out (the key's identity is the
     * reporter's, hashed beside this).
     */
    public static String canonical(Map<String, List<String>> form) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(form).forEach((name, values) -> {
            if (name.equals("api_key")) return;
            for (String v : values) {
                if (v.isBlank()) continue;
                s.append(name).append('=').append(v.strip()).append('\u0000');
            }
        });
        return s.toString();
    }

    public static List<FieldError> textProblems(Map<String, List<String>> form) {
        List<FieldError> errors = new ArrayList<>();
        form.forEach((field, values) -> {
            TextRule rule = field.equals("description") ? TextRule.MULTI_LINE : TextRule.SINGLE_LINE;
            for (String v : values) {
                String problem = rule.problem(v.strip());
                if (problem != null) errors.add(new FieldError(field, problem));
            }
        });
        for (String field : List.of("first_name", "last_name")) {
            String v = first(form, field);
            if (v != null && v.codePointCount(0, v.length()) > 50) errors.add(new FieldError(field, "is longer than 50 characters"));
        }
        String email = first(form, "email");
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "is not an e-mail address"));
        }
        return errors;
    }

    /** A form field's first value, trimmed; null when absent or blank. */
    public static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).trim();
    }

    /** A path segment with its format suffix: {@code noise.json → noise}; no suffix is not a resource. */
    public static String resource(String segment, String what) {
        for (String suffix : List.of(".json", ".xml")) {
            if (segment.endsWith(suffix) && segment.length() > suffix.length()) return segment.substring(0, segment.length() - suffix.length());
        }
        throw new NotFound(what + " " + segment + " was not found: append .json or .xml.");
    }

    private static GeoPoint point(Map<String, List<String>> form, List<FieldError> errors) {
        String lat = first(form, "lat");
        String lng = first(form, "long");
        if (lat == null && lng == null) return null;
        if (lat == null || lng == null) {
            errors.add(new FieldError(lat == null ? "lat" : "long", "lat and long need to be sent together"));
            return null;
        }
        try {
            double a = Double.parseDouble(lat);
            double o = Double.parseDouble(lng);
            if (a < -90 || a > 90 || o < -180 || o > 180 || Double.isNaN(a) || Double.isNaN(o)) {
                errors.add(new FieldError("lat", "lat must be within -90..90 and long within -180..180"));
                return null;
            }
            return new GeoPoint(a, o, Datum.WGS84);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("lat", "lat and long must be decimal degrees (WGS84)"));
            return null;
        }
    }

    /** {@code attribute[code]=value}; only the codes of the service definition are read. */
    private static Map<String, String> attributes(Map<String, List<String>> form, List<FieldError> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : form.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("attribute[")) continue;
            String code = name.substring("attribute[".length(), name.indexOf(']') < 0 ? name.length() : name.indexOf(']'));
            // Clients send attributes of their own (their ids, their categories' fields): ignored, never refused.
            if (!code.equals(Open311Catalog.BUILDING_CODE) && !code.equals(Open311Catalog.ANONYMOUS)) continue;
            String v = e.getValue().isEmpty() ? "" : e.getValue().get(0).trim();
            if (code.equals(Open311Catalog.ANONYMOUS) && !v.equals("true") && !v.equals("false")) {
                errors.add(new FieldError(name, "must be one of the values true, false"));
                continue;
            }
            if (!v.isEmpty()) out.put(code, v);
        }
        return out;
    }

    /** Family name then given name, as Chinese names are written; at most the contact's 50 characters. */
    private static String name(String family, String given) {
        String s = (family == null ? "" : family) + (given == null ? "" : given);
        return s.isBlank() ? null : s.length() > 50 ? s.substring(0, 50) : s;
    }
}
