package org.linli.territory.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.geo.Datum;
import org.linli.json.Json;
import org.linli.territory.BuildingRecord;
import org.linli.territory.GridKind;
import org.linli.territory.Level;
import org.linli.territory.Roster;
import org.linli.territory.TerritoryNode;
import org.linli.territory.imports.ImportProblem.Kind;
import org.linli.testing.GeoJsonFixture;
import org.linli.testing.SmallTerritory;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The validator on SmallTerritory (features 0 D, 1 S1, 2 S2, 3 C1, 4 G1, 5 G2, 6 G1S school,
 * 7 G1-M1, 8 G1-M2), spoiled one way at a time: each problem gives one precise message.
 */
class TerritoryValidatorTest {
    private static final String BUILDINGS = "code,name,node,lat,lng\n";
    private static final String ROSTERS = "node,userId,name,phone,role,duty\n";

    private static TerritoryValidator.Result validate(GeoJsonFixture fixture, String buildings, String rosters, Set<String> scope) {
        List<ImportProblem> problems = new ArrayList<>();
        GeometryFactory f = new GeometryFactory();
        var features = new GeoJsonTerritory(f, Datum.GCJ02, Datum.GCJ02).read(Json.parse(fixture.json()), 0, problems);
        var b = TerritoryValidator.buildingRows(buildings, problems);
        var r = TerritoryValidator.rosterRows(rosters, problems);
        return new TerritoryValidator(TerritoryValidator.Options.defaults(Datum.GCJ02, 6, scope), f)
                .validate(features, b, r, problems, ProgressMeter.silent());
    }

    private static TerritoryValidator.Result validate(GeoJsonFixture fixture) {
        return validate(fixture, BUILDINGS, ROSTERS, null);
    }

    private static List<String> messages(TerritoryValidator.Result r) {
        return r.problems().stream().map(ImportProblem::message).toList();
    }

    private static GeoJsonFixture small() {
        return GeoJsonFixture.of(SmallTerritory.map());
    }

    @Test
    void aValidTerritoryBecomesAMapWithPaths() {
        var r = validate(small());
        assertEquals(List.of(), r.problems());
        assertEquals("D", r.map().rootCode());
        assertEquals(9, r.map().nodes().size());
        for (TerritoryNode expected : SmallTerritory.map().nodes()) {
            TerritoryNode got = r.map().nodes().stream().filter(n -> n.code().equals(expected.code())).findFirst().orElseThrow();
            assertEquals(expected.path(), got.path(), expected.code());
            assertEquals(expected.kind(), got.kind(), expected.code());
        }
    }

    @Test
    void anInvalidPolygonAChildOutsideItsParentAndADuplicateCodeAreThreePreciseProblems() {
        var fixture = small()
                .geometry(5, "POLYGON((113.55 37.84, 113.57 37.86, 113.57 37.84, 113.55 37.86, 113.55 37.84))") // G2: a bow tie
                .geometry(8, "POLYGON((113.55 37.84, 113.56 37.84, 113.56 37.845, 113.55 37.845, 113.55 37.84))") // G1-M2 in G2
                .add("G1", "GRID", "C1", "POLYGON((113.53 37.84, 113.54 37.84, 113.54 37.85, 113.53 37.85, 113.53 37.84))");
        var r = validate(fixture);
        assertEquals(List.of(
                "feature 5 (G2): the boundary intersects itself at (113.560000, 37.850000)",
                "feature 8 (G1-M2): lies outside its parent G1: 100% of its area is outside (tolerance 1%)",
                "feature 9 (G1): code G1 is already used by feature 4"), messages(r));
        assertEquals(List.of(Kind.SELF_INTERSECTION, Kind.OUTSIDE_PARENT, Kind.DUPLICATE_CODE),
                r.problems().stream().map(ImportProblem::problem).toList());
        assertEquals(List.of(5, 8, 9), r.problems().stream().map(ImportProblem::index).toList());
        assertEquals(List.of("G2", "G1-M2", "G1"), r.problems().stream().map(ImportProblem::code).toList());
        assertNull(r.map(), "nothing to publish");
    }

    @Test
    void parentsMustExistAndSitOneLevelUp() {
        var r = validate(small().property(7, "parent", "NOPE").property(8, "parent", "C1"));
        assertEquals(List.of("feature 7 (G1-M1): parent NOPE is not in this import",
                "feature 8 (G1-M2): a MICRO_GRID's parent must be a GRID, but C1 is a COMMUNITY"), messages(r));
        assertEquals(List.of(Kind.UNKNOWN_PARENT, Kind.WRONG_PARENT_LEVEL), r.problems().stream().map(ImportProblem::problem).toList());
    }

    @Test
    void exactlyOneRoot() {
        var r = validate(small().property(2, "parent", null));
        assertEquals(List.of("feature 2 (S2): has no parent, but feature 0 (D) is already the root; every other feature needs a parent"),
                messages(r));
        var none = validate(small().property(0, "parent", "S1"));
        assertTrue(messages(none).contains("the territory has no root: exactly one feature (the city or district) must have no parent"),
                messages(none).toString());
    }

    @Test
    void siblingsMayNotOverlapBeyondTheTolerance() {
        // G2 reaches 0.002 degrees into G1 (10% of the smaller grid): refused.
        var r = validate(small().geometry(5, "POLYGON((113.548 37.84, 113.57 37.84, 113.57 37.86, 113.548 37.86, 113.548 37.84))"));
        assertEquals(List.of("feature 5 (G2): overlaps its sibling G1 (feature 4) by 10% of the smaller one's area (tolerance 1%)"),
                messages(r));
        // A sliver (0.5%) is a drawing tolerance: accepted; boundary ties are decided at lookup.
        assertTrue(validate(small().geometry(5, "POLYGON((113.5499 37.84, 113.57 37.84, 113.57 37.86, 113.5499 37.86, 113.5499 37.84))"))
                .valid());
    }

    @Test
    void aDedicatedGridInsideARegularOneIsNoOverlapButTwoDedicatedOnesAre() {
        assertTrue(validate(small()).valid(), "G1S lies inside G1 by design");
        var r = validate(small().add("G1H", "GRID", GridKind.HOSPITAL, "C1",
                "POLYGON((113.536 37.846, 113.541 37.846, 113.541 37.851, 113.536 37.851, 113.536 37.846))"));
        assertEquals(List.of(Kind.SIBLING_OVERLAP), r.problems().stream().map(ImportProblem::problem).toList());
        assertEquals("G1H", r.problems().get(0).code());
    }

    @Test
    void aGridInTheHoleOfItsSiblingIsNoOverlap() {
        var fixture = small()
                .geometry(4, "POLYGON((113.53 37.84, 113.55 37.84, 113.55 37.86, 113.53 37.86, 113.53 37.84),"
                        + " (113.542 37.852, 113.546 37.852, 113.546 37.856, 113.542 37.856, 113.542 37.852))")
                .add("G3", "GRID", "C1", "POLYGON((113.542 37.852, 113.546 37.852, 113.546 37.856, 113.542 37.856, 113.542 37.852))");
        assertEquals(List.of(), validate(fixture).problems());
    }

    @Test
    void gridsNeedValidBoundariesWithAnArea() {
        var r = validate(small().geometry(5, null)
                .geometry(4, "POLYGON((113.53 37.84, 113.55 37.84, 113.55 37.86, 113.53 37.86, 113.53 37.84), "
                        + "(113.60 37.84, 113.61 37.84, 113.61 37.85, 113.60 37.84))"));
        assertEquals(List.of(
                "feature 4 (G1): the boundary is not a valid polygon: hole lies outside shell at (113.600000, 37.840000)",
                "feature 5 (G2): a GRID needs a boundary polygon, but its geometry is null"), messages(r));
        assertEquals(List.of(Kind.INVALID_GEOMETRY, Kind.MISSING_BOUNDARY), r.problems().stream().map(ImportProblem::problem).toList());
    }

    @Test
    void aDistrictStaffImportsOnlyHisOwnTerritory() {
        var r = validate(small(), BUILDINGS, ROSTERS, Set.of("OTHER"));
        assertEquals(List.of("feature 0 (D): the root D is outside your territory scope [OTHER]"), messages(r));
        assertTrue(validate(small(), BUILDINGS, ROSTERS, Set.of("D")).valid());
    }

    @Test
    void aBrokenLevelIsReportedOnceNotEchoedByItsChildren() {
        var r = validate(small().property(4, "level", "BLOCK"));
        assertEquals(List.of(Kind.INVALID_VALUE), r.problems().stream().map(ImportProblem::problem).toList(), messages(r).toString());
    }

    @Test
    void kindsAreForGridsOnly() {
        var r = validate(small().property(3, "kind", "SCHOOL"));
        assertEquals(List.of("feature 3 (C1): kind SCHOOL is for grids only (a dedicated grid), not for a COMMUNITY"), messages(r));
    }

    @Test
    void buildingsAreCheckedAgainstTheirNodes() {
        String csv = BUILDINGS
                + "B1,1号楼,G1-M1,37.842,113.535\n"          // fine: in G1-M1
                + "B2,2号楼,NOPE,37.85,113.56\n"             // unknown node
                + "B3,3号楼,C1,37.85,113.56\n"               // a community, not a grid
                + "B4,4号楼,G2,37.85,113.60\n"               // ~2.6 km east of G2
                + "B1,重复,G2,37.85,113.56\n"                // duplicate code
                + "B6,6号楼,G2,91,113.56\n";                 // latitude out of range
        var r = validate(small(), csv, ROSTERS, null);
        assertEquals(List.of(
                "buildings line 3 (B2): node NOPE is not in this import",
                "buildings line 4 (B3): a building belongs to a GRID or a MICRO_GRID, but C1 is a COMMUNITY",
                "buildings line 5 (B4): lies 2637 m outside its grid G2 (tolerance 30 m)",
                "buildings line 6 (B1): building code B1 is already on line 2",
                "buildings line 7 (B6): lat 91, lng 113.56 is out of range (lat -90..90, lng -180..180)"), messages(r));
        var ok = validate(small(), BUILDINGS + "B1,1号楼,G1-M1,37.842,113.535\n", ROSTERS, null);
        BuildingRecord b = ok.map().buildings().get(0);
        assertEquals("G1", b.grid().code());
        assertEquals("G1-M1", b.microGrid().code());
        assertEquals(List.of("D", "S1", "C1", "G1", "G1-M1"), b.path());
    }

    @Test
    void compoundsListTheirBuildings() {
        var fixture = small().add("C1-X", "COMPOUND", "C1", null);
        var r = validate(fixture, "code,name,node,lat,lng,compound\nB1,1号楼,G1-M1,37.842,113.535,C1-X\nB2,2号楼,G2,37.85,113.56,NOPE\n",
                ROSTERS, null);
        assertEquals(List.of("buildings line 3 (B2): compound NOPE is not a COMPOUND of this import"), messages(r));
        var ok = validate(fixture, "code,name,node,lat,lng,compound\nB1,1号楼,G1-M1,37.842,113.535,C1-X\n", ROSTERS, null);
        assertEquals(List.of("D", "S1", "C1", "C1-X"), ok.map().compounds().get(0).path());
        assertEquals("C1-X", ok.map().buildings().get(0).pickerParent());
        assertEquals(1, validate(small().add("X", "COMPOUND", "S1", null)).problems().size(), "a compound under a street");
    }

    @Test
    void rostersNameKnownNodesWithRolesThatFitTheirLevel() {
        String csv = ROSTERS
                + "G1,u1,李强,13900000001,GRID_WORKER,ON_DUTY\n"
                + "G1,u2,王敏,,grid worker,backup\n"
                + "G1-M1,u3,张伟,13900000003,MICRO_GRID_LEADER,ON_DUTY\n"
                + "C1,u4,社区调度,0353-7000010,DISPATCHER,ON_DUTY\n";
        var ok = validate(small(), BUILDINGS, csv, null);
        assertEquals(List.of(), ok.problems());
        assertEquals(List.of("G1", "G1-M1", "C1"), ok.rosters().stream().map(Roster::nodeCode).toList());
        assertEquals(2, ok.rosters().get(0).members().size());

        String bad = ROSTERS
                + "G9,u1,李强,13900000001,GRID_WORKER,ON_DUTY\n"
                + "C1,u2,王敏,13900000002,GRID_WORKER,ON_DUTY\n"
                + "G1,u3,张伟,12345,GRID_WORKER,ON_DUTY\n"
                + "G1,u4,刘洋,13900000004,GRID_WORKER,SICK\n"
                + "G1,u5,陈静,13900000005,GRID_WORKER,ON_DUTY\n"
                + "G1,u5,陈静,13900000005,GRID_WORKER,BACKUP\n";
        var r = validate(small(), BUILDINGS, bad, null);
        assertEquals(List.of(
                "rosters line 2 (G9): node G9 is not in the map",
                "rosters line 3 (C1): a GRID_WORKER is listed on a GRID, but C1 is a COMMUNITY",
                "rosters line 4 (G1): phone must be a mainland mobile (11 digits) or a landline with area code",
                "rosters line 5 (G1): duty 'SICK' is not one of [ON_DUTY, BACKUP, ON_LEAVE]",
                "rosters line 7 (G1): user u5 is already on G1's roster at line 6"), messages(r));
    }

    @Test
    void rostersAloneAreCheckedAgainstTheCurrentMapsLevels() {
        List<ImportProblem> problems = new ArrayList<>();
        var rows = TerritoryValidator.rosterRows(ROSTERS + "G1,u1,李强,,GRID_WORKER,ON_DUTY\nG7,u2,王敏,,GRID_WORKER,ON_DUTY\n", problems);
        var v = new TerritoryValidator(TerritoryValidator.Options.defaults(Datum.GCJ02, 6, null), new GeometryFactory());
        var r = v.validateRosters(rows, Map.of("G1", Level.GRID), problems);
        assertEquals(List.of("rosters line 3 (G7): node G7 is not in the map"), messages(r));
        assertEquals(List.of("G1", "G7"), List.copyOf(TerritoryValidator.rosterNodes(rows)));
    }
}
