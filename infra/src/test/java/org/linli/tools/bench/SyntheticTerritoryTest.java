package org.linli.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.geo.Geohash;
import org.linli.json.Json;
import org.linli.territory.CellEntry;
import org.linli.territory.CellIndexer;
import org.linli.territory.GridLocator;
import org.linli.territory.imports.GeoJsonTerritory;
import org.linli.territory.imports.ImportProblem;
import org.linli.territory.imports.ProgressMeter;
import org.linli.territory.imports.TerritoryValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The benchmark's territory is a valid import, and its arithmetic truth agrees with the real lookup. */
class SyntheticTerritoryTest {
    @Test
    void aSmallSyntheticCityImportsCleanlyAndPointsLandWhereTheArithmeticSays(@TempDir Path dir) throws Exception {
        SyntheticTerritory t = new SyntheticTerritory(300); // 18 columns: two full communities, the rest partial
        SyntheticTerritory.Files3 files = t.write(dir);
        List<ImportProblem> problems = new ArrayList<>();
        GeometryFactory f = new GeometryFactory();
        var features = new GeoJsonTerritory(f, Datum.GCJ02, Datum.GCJ02).read(Json.parse(Files.readString(files.territory())), 0, problems);
        var result = new TerritoryValidator(TerritoryValidator.Options.defaults(Datum.GCJ02, 6, null), f).validate(features,
                TerritoryValidator.buildingRows(Files.readString(files.buildings()), problems),
                TerritoryValidator.rosterRows(Files.readString(files.rosters()), problems), problems, ProgressMeter.silent());
        assertEquals(List.of(), result.problems());
        assertEquals(300, result.map().buildings().size());
        assertEquals(2, result.map().compounds().size());
        assertEquals(2, result.map().nodes().stream().filter(n -> n.kind().dedicated()).count());

        Map<String, List<CellEntry>> cells = new CellIndexer(6, f).index(result.map().nodes());
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            GeoPoint p = t.randomPoint(random);
            var placement = GridLocator.locate(1, cells.getOrDefault(Geohash.encode(p.lat(), p.lng(), 6), List.of()),
                    f.createPoint(new Coordinate(p.lng(), p.lat())));
            assertEquals(t.expectedGrid(p), placement.grid().code(), p.toString());
        }
    }
}
