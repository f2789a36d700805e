package org.linli.patrol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.linli.categories.Categories;
import org.linli.core.format.NodeCode;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.JsonInput.TextRule;
import org.linli.json.JsonInput;

/** A {@code POST /patrols} body → {@link PatrolDraft}, or every problem as field errors. */
public final class PatrolParser {
    static final int MAX_FINDINGS = 20;
    private static final String CODE_RULE = "must be a code: letters, digits, '-' or '_', at most 64";

    private final Categories categories;

    public PatrolParser(Categories categories) {
        this.categories = categories;
    }

    public PatrolDraft parse(JsonNode body) {
        JsonInput in = JsonInput.root(body, Set.of("place", "visitedAt", "note", "photoKeys", "findings"));
        JsonInput place = in.requiredObject("place", Set.of("buildingCode", "microGrid", "grid"));
        String building = null;
        String micro = null;
        String grid = null;
        if (place != null) {
            building = place.optionalMatch("buildingCode", NodeCode.PATTERN, CODE_RULE);
            micro = place.optionalMatch("microGrid", NodeCode.PATTERN, CODE_RULE);
            grid = place.optionalMatch("grid", NodeCode.PATTERN, CODE_RULE);
            int named = (place.has("buildingCode") ? 1 : 0) + (place.has("microGrid") ? 1 : 0) + (place.has("grid") ? 1 : 0);
            if (named != 1) in.error("place", "name exactly one of buildingCode, microGrid, grid");
        }
        var visitedAt = in.instant("visitedAt", true);
        String note = in.optionalString("note", 1, 1000, TextRule.MULTI_LINE);
        List<String> photos = in.optionalPhotoKeys("photoKeys");
        List<PatrolDraft.FindingDraft> findings = new ArrayList<>();
        for (JsonInput f : in.optionalObjectList("findings", MAX_FINDINGS, Set.of("note", "photoKeys", "report"))) {
            String fNote = f.requiredString("note", 1, 1000, TextRule.MULTI_LINE);
            List<String> fPhotos = f.optionalPhotoKeys("photoKeys");
            JsonInput report = f.optionalObject("report", Set.of("category", "location"));
            String category = null;
            GeoPoint point = null;
            String reportBuilding = null;
            if (report != null) {
                category = report.requiredString("category", 1, 64, TextRule.SINGLE_LINE);
                if (category != null && !categories.contains(category)) {
                    report.error("category", "is not a known category");
                    category = null;
                }
                JsonInput loc = report.optionalObject("location", Set.of("lat", "lng", "datum", "buildingCode"));
                if (loc != null) {
                    reportBuilding = loc.optionalMatch("buildingCode", NodeCode.PATTERN, CODE_RULE);
                    BigDecimal lat = loc.optionalNumber("lat", BigDecimal.valueOf(-90), BigDecimal.valueOf(90));
                    BigDecimal lng = loc.optionalNumber("lng", BigDecimal.valueOf(-180), BigDecimal.valueOf(180));
                    Datum datum = loc.optionalEnum("datum", Datum.class);
                    if (lat != null && lng != null && datum != null) point = new GeoPoint(lat.doubleValue(), lng.doubleValue(), datum);
                    else if (loc.has("lat") || loc.has("lng") || loc.has("datum")) loc.error("lat", "lat, lng and datum go together");
                    if (point == null && reportBuilding == null && !loc.has("lat")) loc.error("buildingCode", "needs lat/lng/datum or a buildingCode");
                } else if (place != null && !place.has("buildingCode")) {
                    report.error("location", "is required when the visit names no building");
                }
            }
            findings.add(new PatrolDraft.FindingDraft(fNote, fPhotos == null ? List.of() : fPhotos, category, point, reportBuilding));
        }
        in.throwIfInvalid();
        return new PatrolDraft(building, micro, grid, visitedAt, note, photos == null ? List.of() : photos, findings);
    }
}
