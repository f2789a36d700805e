package org.linli.territory.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.Json;
import org.linli.territory.GridKind;
import org.linli.territory.Level;
import org.linli.testing.GeoJsonFixture;
import org.linli.testing.SmallTerritory;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class GeoJsonTerritoryTest {
    private final List<ImportProblem> problems = new ArrayList<>();
    private final GeoJsonTerritory gcj = new GeoJsonTerritory(new GeometryFactory(), Datum.GCJ02, Datum.GCJ02);

    private static String feature(String props, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":" + geometry + "}";
    }

    @Test
    void aMapWrittenAsGeoJsonReadsBackTheSame() {
        var fixture = GeoJsonFixture.of(SmallTerritory.map());
        List<ImportedFeature> read = gcj.read(Json.parse(fixture.json()), 0, problems);
        assertEquals(List.of(), problems);
        assertEquals(SmallTerritory.map().nodes().size(), read.size());
        ImportedFeature school = read.stream().filter(f -> f.code().equals("G1S")).findFirst().orElseThrow();
        assertEquals(Level.GRID, school.level());
        assertEquals(GridKind.SCHOOL, school.kind());
        assertEquals("C1", school.parent());
        assertTrue(school.boundary().equalsExact(SmallTerritory.map().nodes().get(6).boundary()));
        assertNull(read.get(0).parent());
    }

    @Test
    void aPartKnowsWhereItsFeaturesStandInTheWholeCollection() {
        String part = "{\"type\":\"FeatureCollection\",\"features\":[" + feature("\"name\":\"x\",\"level\":\"GRID\"", "null") + "]}";
        gcj.read(Json.parse(part), 5000, problems);
        assertEquals(5000, problems.get(0).index());
        assertEquals("feature 5000: has no code", problems.get(0).message());
    }

    @Test
    void multiPolygonsWithHolesAreRead() {
        String mp = "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[3,1],[3,3],[1,3],[1,1]]],"
                + "[[[5,0],[6,0],[6,1],[5,1],[5,0]]]]}";
        String fc = "{\"type\":\"FeatureCollection\",\"features\":[" + feature("\"code\":\"G\",\"name\":\"g\",\"level\":\"grid\"", mp) + "]}";
        ImportedFeature f = gcj.read(Json.parse(fc), 0, problems).get(0);
        assertEquals(List.of(), problems);
        assertEquals(2, f.boundary().getNumGeometries());
        assertEquals(1, ((Polygon) f.boundary().getGeometryN(0)).getNumInteriorRing());
        assertEquals(Level.GRID, f.level(), "levels are read case-insensitively");
    }

    @Test
    void eachFieldProblemIsReportedWithTheFeaturesIndexAndCode() {
        String box = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}";
        String fc = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("\"code\":\"A\",\"name\":\"a\",\"level\":\"HAMLET\"", box) + ","
                + feature("\"code\":\"B b\",\"name\":\"b\",\"level\":\"GRID\"", box) + ","
                + feature("\"code\":\"C\",\"name\":\"c\",\"level\":\"GRID\",\"kind\":\"ZOO\"", box) + ","
                + feature("\"code\":\"D\",\"name\":\"d\",\"level\":\"GRID\"", "{\"type\":\"Point\",\"coordinates\":[0,0]}") + ","
                + feature("\"code\":\"E\",\"level\":\"GRID\"", box) + "]}";
        List<ImportedFeature> read = gcj.read(Json.parse(fc), 0, problems);
        assertEquals(List.of(
                "feature 0 (A): level 'HAMLET' is not one of CITY, DISTRICT, STREET, COMMUNITY, GRID, MICRO_GRID, COMPOUND",
                "feature 1 (B b): code must be 1-64 letters, digits, '_' or '-', starting with a letter or digit",
                "feature 2 (C): kind 'ZOO' is not one of REGULAR, SCHOOL, HOSPITAL, MARKET, ENTERPRISE",
                "feature 3 (D): geometry must be a Polygon or MultiPolygon, not Point",
                "feature 4 (E): has no name"), problems.stream().map(ImportProblem::message).toList());
        assertTrue(read.get(3).geometryBroken());
        assertEquals("properties.level", problems.get(0).field());
    }

    @Test
    void ringsMustBeClosedAndCoordinatesInRange() {
        String open = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0.5]]]}";
        String swapped = "{\"type\":\"Polygon\",\"coordinates\":[[[37.85,113.55],[37.86,113.55],[37.86,113.56],[37.85,113.55]]]}";
        String fc = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("\"code\":\"OPEN\",\"name\":\"o\",\"level\":\"GRID\"", open) + ","
                + feature("\"code\":\"LATLNG\",\"name\":\"l\",\"level\":\"GRID\"", swapped) + "]}";
        gcj.read(Json.parse(fc), 0, problems);
        assertEquals("feature 0 (OPEN): outer ring is not closed (its last position must repeat its first)", problems.get(0).message());
        assertEquals(ImportProblem.Kind.INVALID_GEOMETRY, problems.get(0).problem());
        assertEquals("feature 1 (LATLNG): outer ring position 0 [37.85, 113.55] is out of range "
                + "(longitude -180..180, latitude -90..90; GeoJSON puts longitude first)", problems.get(1).message());
        assertEquals(ImportProblem.Kind.COORDINATE_OUT_OF_RANGE, problems.get(1).problem());
    }

    @Test
    void aWgs84FileIsStoredInGcj02() {
        GeoJsonTerritory wgs = new GeoJsonTerritory(new GeometryFactory(), Datum.WGS84, Datum.GCJ02);
        String box = "{\"type\":\"Polygon\",\"coordinates\":[[[113.55,37.85],[113.56,37.85],[113.56,37.86],[113.55,37.85]]]}";
        String fc = "{\"type\":\"FeatureCollection\",\"features\":[" + feature("\"code\":\"G\",\"name\":\"g\",\"level\":\"GRID\"", box) + "]}";
        var c = wgs.read(Json.parse(fc), 0, problems).get(0).boundary().getCoordinates()[0];
        GeoPoint expected = new GeoPoint(37.85, 113.55, Datum.WGS84).in(Datum.GCJ02);
        assertEquals(expected.lng(), c.x, 1e-12);
        assertEquals(expected.lat(), c.y, 1e-12);
    }

    @Test
    void somethingElseThanAFeatureCollectionIsOneProblem() {
        assertTrue(gcj.read(Json.parse("{\"type\":\"Feature\"}"), 0, problems).isEmpty());
        assertEquals(ImportProblem.Kind.INVALID_FORMAT, problems.get(0).problem());
        assertFalse(problems.get(0).message().isEmpty());
    }
}
