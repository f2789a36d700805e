package org.linli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.geo.Datum;
import org.linli.json.Json;
import org.linli.territory.imports.GeoJsonTerritory;
import org.linli.territory.imports.ImportProblem;
import org.linli.territory.imports.ProgressMeter;
import org.linli.territory.imports.TerritoryValidator;
import org.locationtech.jts.geom.GeometryFactory;

/** The demo territory, written in the import format and read back, is a valid import of the same map. */
class DemoExportTest {
    @Test
    void theDemoTerritoryRoundTripsThroughTheImportFormat() {
        DemoTerritory demo = DemoTerritory.create(Instant.now());
        List<ImportProblem> problems = new ArrayList<>();
        GeometryFactory f = new GeometryFactory();
        var features = new GeoJsonTerritory(f, Datum.GCJ02, Datum.GCJ02)
                .read(Json.parse(Json.write(DemoExport.geoJson(demo.map()))), 0, problems);
        var result = new TerritoryValidator(TerritoryValidator.Options.defaults(Datum.GCJ02, 6, null), f).validate(features,
                TerritoryValidator.buildingRows(DemoExport.buildingsCsv(demo.map().buildings()), problems),
                TerritoryValidator.rosterRows(DemoExport.rostersCsv(demo.territoryRosters()), problems), problems, ProgressMeter.silent());
        assertEquals(List.of(), result.problems());
        assertEquals(demo.map().nodes(), result.map().nodes());
        assertEquals(demo.map().compounds(), result.map().compounds());
        assertEquals(demo.map().buildings().size(), result.map().buildings().size());
        assertEquals(demo.map().buildings().get(0).path(), result.map().buildings().get(0).path());
        assertEquals(demo.territoryRosters().stream().filter(r -> !r.members().isEmpty()).toList(), result.rosters());
    }
}
