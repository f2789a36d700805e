package org.linli.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.linli.json.Json;
import org.linli.territory.BuildingRecord;
import org.linli.territory.Roster;
import org.linli.territory.RosterMember;
import org.linli.territory.TerritoryMap;
import org.linli.territory.TerritoryNode;
import org.linli.territory.imports.GeoJsonTerritory;

/**
 * A territory in the import format: a GeoJSON FeatureCollection, a buildings CSV and a rosters
 * CSV. The CLI's {@code sample} command writes the demo territory this way, as a start for staff.
 */
public final class DemoExport {
    public static final String BUILDINGS_HEADER = "code,name,node,lat,lng,compound";
    public static final String ROSTERS_HEADER = "node,userId,name,phone,role,duty";

    private DemoExport() {}

    public static ObjectNode geoJson(TerritoryMap map) {
        ObjectNode fc = Json.object().put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (TerritoryNode n : map.nodes()) {
            features.add(GeoJsonTerritory.feature(n.code(), n.name(), n.level().name(), n.kind(), n.parentCode(), n.boundary()));
        }
        for (var c : map.compounds()) {
            features.add(GeoJsonTerritory.feature(c.code(), c.name(), GeoJsonTerritory.COMPOUND, null, c.parentCode(), c.boundary()));
        }
        return fc;
    }

    public static String buildingsCsv(List<BuildingRecord> buildings) {
        StringBuilder out = new StringBuilder(BUILDINGS_HEADER).append('\n');
        for (BuildingRecord b : buildings) {
            String node = b.microGrid() != null ? b.microGrid().code() : b.grid().code();
            out.append(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%.6f,%s%n", b.code(), csv(b.name()), node, b.lat(), b.lng(),
                    b.compoundCode() == null ? "" : b.compoundCode()));
        }
        return out.toString();
    }

    public static String rostersCsv(List<Roster> rosters) {
        StringBuilder out = new StringBuilder(ROSTERS_HEADER).append('\n');
        for (Roster r : rosters) {
            for (RosterMember m : r.members()) {
                out.append(r.nodeCode()).append(',').append(m.userId()).append(',').append(csv(m.name())).append(',')
                        .append(m.phone() == null ? "" : m.phone()).append(',').append(m.role()).append(',').append(m.duty()).append('\n');
            }
        }
        return out.toString();
    }

    private static String csv(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
