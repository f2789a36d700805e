package org.linli.territory.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linli.core.format.NodeCode;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.Json;
import org.linli.territory.GridKind;
import org.linli.territory.Level;
import org.linli.territory.imports.ImportProblem.Kind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a territory from a GeoJSON FeatureCollection (RFC 7946 shapes; Jackson tree model): each
 * feature's {@code properties} give {@code code}, {@code name}, {@code level}, {@code parent} and
 * optionally {@code kind}; its geometry is a Polygon or MultiPolygon (holes allowed) or null above
 * the grids. Other properties are ignored: GIS exports carry many. Coordinates are converted from
 * the file's datum to the registry's (GCJ-02) after their ranges are checked.
 *
 * <p>A province arrives in parts: {@code firstIndex} is the index of the part's first feature in
 * the whole collection, so that every problem names the feature's real position.
 */
public final class GeoJsonTerritory {
    public static final String COMPOUND = "COMPOUND";

    private final GeometryFactory factory;
    private final Datum fileDatum;
    private final Datum registryDatum;

    public GeoJsonTerritory(GeometryFactory factory, Datum fileDatum, Datum registryDatum) {
        this.factory = factory;
        this.fileDatum = fileDatum;
        this.registryDatum = registryDatum;
    }

    /** The features of one part; the problems found on the way are added to {@code problems}. */
    public List<ImportedFeature> read(JsonNode collection, int firstIndex, List<ImportProblem> problems) {
        JsonNode features = features(collection);
        if (features == null) {
            problems.add(ImportProblem.whole(ImportProblem.TERRITORY, Kind.INVALID_FORMAT,
                    "part starting at feature " + firstIndex + ": not a GeoJSON FeatureCollection with a \"features\" array"));
            return List.of();
        }
        List<ImportedFeature> out = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) out.add(feature(features.get(i), firstIndex + i, problems));
        return out;
    }

    /** The features array of a FeatureCollection, or null when {@code node} is not one. */
    public static JsonNode features(JsonNode node) {
        if (node == null || !node.isObject() || !"FeatureCollection".equals(node.path("type").asText())) return null;
        JsonNode features = node.get("features");
        return features != null && features.isArray() ? features : null;
    }

    private ImportedFeature feature(JsonNode f, int index, List<ImportProblem> problems) {
        if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
            problems.add(ImportProblem.feature(index, null, Kind.INVALID_FORMAT, "type", "is not a GeoJSON Feature"));
            return new ImportedFeature(index, null, null, null, false, GridKind.REGULAR, null, null, false);
        }
        JsonNode props = f.path("properties");
        String code = text(props, "code");
        if (code == null) {
            problems.add(ImportProblem.feature(index, null, Kind.MISSING_FIELD, "properties.code", "has no code"));
        } else if (!NodeCode.valid(code)) {
            problems.add(ImportProblem.feature(index, code, Kind.INVALID_VALUE, "properties.code",
                    "code must be 1-64 letters, digits, '_' or '-', starting with a letter or digit"));
            code = null;
        }
        String name = text(props, "name");
        if (name == null) {
            problems.add(ImportProblem.feature(index, code, Kind.MISSING_FIELD, "properties.name", "has no name"));
        } else if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(ImportProblem.feature(index, code, Kind.INVALID_VALUE, "properties.name",
                    "name must be one line of at most 100 characters"));
        }
        String levelText = text(props, "level");
        Level level = null;
        boolean compound = false;
        if (levelText == null) {
            problems.add(ImportProblem.feature(index, code, Kind.MISSING_FIELD, "properties.level", "has no level"));
        } else {
            String l = levelText.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            if (l.equals(COMPOUND)) compound = true;
            else {
                try {
                    level = Level.valueOf(l);
                } catch (IllegalArgumentException e) {
                    problems.add(ImportProblem.feature(index, code, Kind.INVALID_VALUE, "properties.level",
                            "level '" + levelText + "' is not one of CITY, DISTRICT, STREET, COMMUNITY, GRID, MICRO_GRID, COMPOUND"));
                }
            }
        }
        GridKind kind = GridKind.REGULAR;
        String kindText = text(props, "kind");
        if (kindText != null) {
            try {
                kind = GridKind.valueOf(kindText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(ImportProblem.feature(index, code, Kind.INVALID_VALUE, "properties.kind",
                        "kind '" + kindText + "' is not one of REGULAR, SCHOOL, HOSPITAL, MARKET, ENTERPRISE"));
            }
        }
        String parent = text(props, "parent");
        JsonNode g = f.get("geometry");
        Geometry boundary = null;
        boolean broken = false;
        if (g != null && !g.isNull()) {
            try {
                boundary = geometry(g);
            } catch (BadGeometry e) {
                problems.add(ImportProblem.feature(index, code, e.kind, "geometry", e.getMessage()));
                broken = true;
            }
        }
        return new ImportedFeature(index, code, name, level, compound, kind, parent, boundary, broken);
    }

    private static String text(JsonNode props, String field) {
        JsonNode v = props.get(field);
        if (v == null || v.isNull()) return null;
        String s = v.isTextual() ? v.textValue().trim() : v.isNumber() ? v.asText() : null;
        return s == null || s.isEmpty() ? null : s;
    }

    // ------------------------------------------------------------------ geometry

    private Geometry geometry(JsonNode g) {
        String type = g.path("type").asText();
        JsonNode coords = g.get("coordinates");
        if (coords == null || !coords.isArray()) throw new BadGeometry(Kind.INVALID_GEOMETRY, "geometry has no coordinates array");
        return switch (type) {
            case "Polygon" -> polygon(coords, "");
            case "MultiPolygon" -> {
                if (coords.isEmpty()) throw new BadGeometry(Kind.INVALID_GEOMETRY, "MultiPolygon has no polygons");
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) parts[i] = polygon(coords.get(i), "polygon " + i + ", ");
                MultiPolygon mp = factory.createMultiPolygon(parts);
                yield mp;
            }
            default -> throw new BadGeometry(Kind.INVALID_GEOMETRY, "geometry must be a Polygon or MultiPolygon, not " + (type.isEmpty() ? "nothing" : type));
        };
    }

    private Polygon polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) throw new BadGeometry(Kind.INVALID_GEOMETRY, where + "polygon has no rings");
        LinearRing shell = ring(rings.get(0), where + "outer ring");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i), where + "hole " + i);
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode positions, String where) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new BadGeometry(Kind.INVALID_GEOMETRY, where + " needs at least 4 positions (a closed ring)");
        }
        Coordinate[] cs = new Coordinate[positions.size()];
        for (int i = 0; i < cs.length; i++) {
            JsonNode p = positions.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new BadGeometry(Kind.INVALID_GEOMETRY, where + " position " + i + " is not [longitude, latitude]");
            }
            double lng = p.get(0).doubleValue();
            double lat = p.get(1).doubleValue();
            if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) {
                throw new BadGeometry(Kind.COORDINATE_OUT_OF_RANGE, String.format(Locale.ROOT,
                        "%s position %d [%s, %s] is out of range (longitude -180..180, latitude -90..90; GeoJSON puts longitude first)",
                        where, i, p.get(0).asText(), p.get(1).asText()));
            }
            cs[i] = toRegistry(lng, lat);
        }
        if (!cs[0].equals2D(cs[cs.length - 1])) throw new BadGeometry(Kind.INVALID_GEOMETRY, where + " is not closed (its last position must repeat its first)");
        return factory.createLinearRing(cs);
    }

    private Coordinate toRegistry(double lng, double lat) {
        if (fileDatum == registryDatum) return new Coordinate(lng, lat);
        GeoPoint p = new GeoPoint(lat, lng, fileDatum).in(registryDatum);
        return new Coordinate(p.lng(), p.lat());
    }

    private static final class BadGeometry extends RuntimeException {
        private final Kind kind;

        BadGeometry(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }
    }

    // ------------------------------------------------------------------ writing

    /** One feature in the import format, as the CLI's sample and the benchmark write them. */
    public static ObjectNode feature(String code, String name, String level, GridKind kind, String parent, Geometry boundary) {
        ObjectNode f = Json.object().put("type", "Feature");
        ObjectNode p = f.putObject("properties");
        p.put("code", code).put("name", name).put("level", level);
        if (parent == null) p.putNull("parent");
        else p.put("parent", parent);
        if (kind != null && kind != GridKind.REGULAR) p.put("kind", kind.name());
        if (boundary == null) f.putNull("geometry");
        else f.set("geometry", geometry(boundary));
        return f;
    }

    /** A Polygon or MultiPolygon as GeoJSON. */
    public static ObjectNode geometry(Geometry g) {
        ObjectNode o = Json.object();
        if (g instanceof Polygon p) {
            o.put("type", "Polygon");
            rings(o.putArray("coordinates"), p);
        } else if (g instanceof MultiPolygon mp) {
            o.put("type", "MultiPolygon");
            ArrayNode polys = o.putArray("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) rings(polys.addArray(), (Polygon) mp.getGeometryN(i));
        } else {
            throw new IllegalArgumentException("only polygons: " + g.getGeometryType());
        }
        return o;
    }

    private static void rings(ArrayNode out, Polygon p) {
        positions(out.addArray(), p.getExteriorRing().getCoordinates());
        for (int i = 0; i < p.getNumInteriorRing(); i++) positions(out.addArray(), p.getInteriorRingN(i).getCoordinates());
    }

    private static void positions(ArrayNode out, Coordinate[] cs) {
        for (Coordinate c : cs) out.addArray().add(c.x).add(c.y);
    }
}
