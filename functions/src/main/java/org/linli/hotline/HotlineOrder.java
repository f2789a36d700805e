package org.linli.hotline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.linli.categories.Categories;
import org.linli.categories.Category;
import org.linli.core.format.Phone;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.JsonInput;
import org.linli.json.JsonInput.TextRule;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A work order (工单) the 12345 platform hands over: its order number, its own category (mapped to
 * a Linli category: by code, by name, by any level of a 城市管理/环境卫生 path, else 其他), what
 * the caller said, the caller (masked to staff outside the case like any contact), where - an
 * address and/or a point - and the hotline's own deadline (交办时限) and urgency.
 */
public record HotlineOrder(String orderNo, String hotlineCategory, Category category, String content, String callerName,
                           String callerPhone, String address, GeoPoint point, Instant deadline, boolean urgent) {
    private static final java.util.regex.Pattern ORDER_NO = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{4,64}");

    /** Reads and checks a pushed order; every problem a field error. */
    public static HotlineOrder parse(JsonNode body, Categories categories) {
        JsonInput in = JsonInput.root(body, Set.of("orderNo", "category", "content", "caller", "address", "location", "deadline", "urgency"));
        String orderNo = in.requiredMatch("orderNo", ORDER_NO, "must be the platform's order number: 4-64 letters, digits, '-' or '_'");
        String hotlineCategory = in.requiredString("category", 1, 100, TextRule.SINGLE_LINE);
        String content = in.requiredString("content", 1, 4000, TextRule.MULTI_LINE);
        String name = null;
        String phone = null;
        JsonInput caller = in.optionalObject("caller", Set.of("name", "phone"));
        if (caller != null) {
            name = caller.optionalString("name", 1, 50, TextRule.SINGLE_LINE);
            String given = caller.optionalString("phone", 1, 60, TextRule.SINGLE_LINE);
            // free-form (kept as given when it is no mainland mobile), but a phone number in some writing
            if (given != null && !Phone.written(given)) caller.error("phone", "must be a phone number (digits, +, -, (), spaces)");
            phone = Phone.normalise(given);
        }
        String address = in.optionalString("address", 1, 200, TextRule.SINGLE_LINE);
        GeoPoint point = null;
        JsonInput loc = in.optionalObject("location", Set.of("lat", "lng", "datum"));
        if (loc != null) {
            BigDecimal lat = loc.requiredNumber("lat", BigDecimal.valueOf(-90), BigDecimal.valueOf(90));
            BigDecimal lng = loc.requiredNumber("lng", BigDecimal.valueOf(-180), BigDecimal.valueOf(180));
            Datum datum = loc.optionalEnum("datum", Datum.class);
            if (lat != null && lng != null) point = new GeoPoint(lat.doubleValue(), lng.doubleValue(), datum == null ? Datum.GCJ02 : datum);
        }
        if (address == null && loc == null) in.error("address", "an address, a location or both are required");
        Instant deadline = in.instant("deadline", false);
        String urgency = in.optionalString("urgency", 1, 20, TextRule.SINGLE_LINE);
        in.throwIfInvalid();
        return new HotlineOrder(orderNo, hotlineCategory, category(hotlineCategory, categories), content, name, phone, address, point,
                deadline, urgency != null && (urgency.equals("URGENT") || urgency.contains("紧急") || urgency.contains("加急")));
    }

    /** The Linli category of a hotline category: its code or name, or any level of its path; else 其他 (other). */
    static Category category(String hotlineCategory, Categories categories) {
        for (String level : hotlineCategory.split("[/>＞|｜-]")) {
            String l = level.strip();
            for (Category c : categories.all()) {
                if (c.code().equals(l) || c.name().equals(l)) return c;
            }
        }
        return categories.find("other").orElseThrow();
    }
}
