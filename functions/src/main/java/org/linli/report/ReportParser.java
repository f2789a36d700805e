package org.linli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.linli.categories.Categories;
import org.linli.core.format.NodeCode;
import org.linli.core.format.Phone;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.JsonInput.TextRule;
import org.linli.json.JsonInput;

/**
 * Turns a report body into a {@link ReportDraft}, or a {@link org.linli.core.ValidationFailed}
 * listing every invalid field.
 */
public final class ReportParser {
    private final Categories categories;

    public ReportParser(Categories categories) {
        this.categories = categories;
    }

    public ReportDraft parse(JsonNode body) {
        JsonInput in = JsonInput.root(body, Set.of("category", "description", "location", "photoKeys", "contact",
                "anonymousToPublic", "source"));
        String category = in.requiredString("category", 1, 64, TextRule.SINGLE_LINE);
        if (category != null && !categories.contains(category)) {
            in.error("category", "is not a known category");
            category = null;
        }
        String description = in.requiredString("description", 1, 1000, TextRule.MULTI_LINE);

        GeoPoint point = null;
        String buildingCode = null;
        JsonInput loc = in.requiredObject("location", Set.of("lat", "lng", "datum", "buildingCode"));
        if (loc != null) {
            BigDecimal lat = loc.optionalNumber("lat", BigDecimal.valueOf(-90), BigDecimal.valueOf(90));
            BigDecimal lng = loc.optionalNumber("lng", BigDecimal.valueOf(-180), BigDecimal.valueOf(180));
            Datum datum = loc.optionalEnum("datum", Datum.class);
            buildingCode = loc.optionalMatch("buildingCode", NodeCode.PATTERN,
                    "must be a building code: letters, digits, '-' or '_', at most 64");
            boolean anyPoint = loc.has("lat") || loc.has("lng") || loc.has("datum");
            if (anyPoint) {
                if (!loc.has("lat")) loc.error("lat", "is required with lng");
                if (!loc.has("lng")) loc.error("lng", "is required with lat");
                if (!loc.has("datum")) loc.error("datum", "is required with lat/lng: WGS84 or GCJ02 (wx.getLocation's type)");
                if (lat != null && lng != null && datum != null) {
                    point = new GeoPoint(lat.doubleValue(), lng.doubleValue(), datum);
                }
            } else if (!loc.has("buildingCode")) {
                in.error("location", "needs lat/lng/datum, a buildingCode, or both");
            }
        }

        List<String> photos = in.optionalPhotoKeys("photoKeys");

        Contact contact = null;
        JsonInput c = in.requiredObject("contact", Set.of("name", "phone"));
        if (c != null) {
            String name = c.optionalString("name", 1, 50, TextRule.SINGLE_LINE);
            String phone = c.requiredMatch("phone", Phone.PATTERN, Phone.RULE);
            contact = new Contact(name, phone);
        }
        Boolean anonymous = in.optionalBoolean("anonymousToPublic");
        Source source = in.optionalEnum("source", Source.class);

        in.throwIfInvalid();
        return new ReportDraft(category, description, point, buildingCode, photos, contact,
                Boolean.TRUE.equals(anonymous), source == null ? Source.MINI_PROGRAM : source);
    }
}
