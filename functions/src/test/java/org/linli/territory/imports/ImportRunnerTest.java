package org.linli.territory.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.geo.Datum;
import org.linli.territory.MapPublisher;
import org.linli.territory.RegistryNode;
import org.linli.testing.GeoJsonFixture;
import org.linli.testing.InMemoryImportJobs;
import org.linli.testing.InMemoryTerritory;
import org.linli.testing.MutableClock;
import org.linli.testing.SmallTerritory;

class ImportRunnerTest {
    private static final String ROSTERS = "node,userId,name,phone,role,duty\nG2,usr_new,新网格员,13900000009,GRID_WORKER,ON_DUTY\n";

    private InMemoryTerritory territory;
    private InMemoryImportJobs jobs;
    private MutableClock clock;
    private ImportRunner runner;

    @BeforeEach
    void setUp() {
        territory = new InMemoryTerritory();
        new MapPublisher(territory).publish(SmallTerritory.map(), "first");
        jobs = new InMemoryImportJobs();
        clock = new MutableClock(Instant.parse("2026-11-23T05:00:00Z"));
        runner = new ImportRunner(jobs, territory, territory, clock, Duration.ZERO);
    }

    private String job(String id, GeoJsonFixture territoryParts, String rosters) {
        jobs.create(ImportJob.open(id, "usr_admin", true, Set.of(), Datum.GCJ02, 6, "2027 map", clock.instant()));
        if (territoryParts != null) {
            // Two parts, as the CLI would cut a large file.
            int half = territoryParts.size() / 2;
            jobs.putPart(id, new ImportPart(ImportPart.Kind.TERRITORY, 1), territoryParts.collection(0, half).toString());
            jobs.putPart(id, new ImportPart(ImportPart.Kind.TERRITORY, 2), territoryParts.collection(half, territoryParts.size()).toString());
        }
        if (rosters != null) jobs.putPart(id, new ImportPart(ImportPart.Kind.ROSTERS, 1), rosters);
        jobs.commit(id, clock.instant());
        return id;
    }

    @Test
    void aValidImportPublishesTheNextVersionThenItsRosters() {
        String id = job("imp_ok", GeoJsonFixture.of(SmallTerritory.map()), ROSTERS);
        assertEquals(ImportRunner.Outcome.DONE, runner.run(id));
        ImportJob j = jobs.find(id).orElseThrow();
        assertEquals(ImportJob.State.PUBLISHED, j.state());
        assertEquals(2, j.mapVersion());
        assertEquals(2, territory.currentMap().version());
        assertEquals(9, j.summary().nodes());
        assertEquals(1, j.summary().rosters());
        assertEquals("usr_new", territory.roster("G2").members().get(0).userId());
        assertEquals(java.util.List.of("reading", "validating", "indexing", "writing", "rosters"),
                jobs.updates.stream().map(Progress::phase).distinct().toList());
        assertTrue(territory.node(1, "G1").isPresent(), "the earlier version stays readable");
    }

    @Test
    void aRefusedImportPublishesNothing() {
        var spoiled = GeoJsonFixture.of(SmallTerritory.map()).property(7, "parent", "NOPE");
        String id = job("imp_bad", spoiled, ROSTERS);
        assertEquals(ImportRunner.Outcome.DONE, runner.run(id));
        ImportJob j = jobs.find(id).orElseThrow();
        assertEquals(ImportJob.State.REFUSED, j.state());
        assertEquals(1, j.problemCount());
        assertEquals("feature 7 (G1-M1): parent NOPE is not in this import", j.problems().get(0).message());
        assertNull(j.mapVersion());
        assertEquals(1, territory.latestVersion(), "no version reserved");
        assertEquals(1, territory.currentMap().version());
        assertNull(territory.roster("G2"), "rosters of a refused import are not saved either");
    }

    @Test
    void aFinishedJobIsNotRunTwiceAndARunningOneIsBusy() {
        String id = job("imp_twice", GeoJsonFixture.of(SmallTerritory.map()), null);
        runner.run(id);
        assertEquals(ImportRunner.Outcome.DONE, runner.run(id));
        assertEquals(2, territory.latestVersion());

        String other = job("imp_busy", GeoJsonFixture.of(SmallTerritory.map()), null);
        jobs.claim(other, clock.instant(), Duration.ofMinutes(5));
        assertEquals(ImportRunner.Outcome.BUSY, runner.run(other));
        clock.advance(Duration.ofMinutes(6)); // the other worker died: its claim goes stale
        assertEquals(ImportRunner.Outcome.DONE, runner.run(other));
        assertEquals(ImportJob.State.PUBLISHED, jobs.find(other).orElseThrow().state());
    }

    @Test
    void anInterruptedPublicationResumesOnTheVersionItReserved() {
        String id = job("imp_resume", GeoJsonFixture.of(SmallTerritory.map()), null);
        ImportJob first = jobs.claim(id, clock.instant(), Duration.ofMinutes(5)).orElseThrow();
        int reserved = new MapPublisher(territory).reserve("import imp_resume");
        jobs.recordVersion(id, first.attempt(), reserved);
        jobs.fail(id, first.attempt(), "StoreUnavailable: the worker was stopped", clock.instant());

        assertEquals(ImportRunner.Outcome.DONE, runner.run(id));
        assertEquals(reserved, jobs.find(id).orElseThrow().mapVersion());
        assertEquals(reserved, territory.currentMap().version());
        assertEquals(reserved, territory.latestVersion(), "no second version taken");
    }

    @Test
    void rostersAloneAreCheckedAgainstTheCurrentMap() {
        String id = job("imp_rosters", null, ROSTERS + "G404,usr_x,某人,,GRID_WORKER,ON_DUTY\n");
        runner.run(id);
        ImportJob j = jobs.find(id).orElseThrow();
        assertEquals(ImportJob.State.REFUSED, j.state());
        assertEquals("rosters line 3 (G404): node G404 is not in the map", j.problems().get(0).message());

        String ok = job("imp_rosters_ok", null, ROSTERS);
        runner.run(ok);
        assertEquals(ImportJob.State.PUBLISHED, jobs.find(ok).orElseThrow().state());
        assertEquals(1, jobs.find(ok).orElseThrow().mapVersion(), "rosters do not make a map version");
        assertEquals("usr_new", territory.roster("G2").members().get(0).userId());
    }

    @Test
    void compoundsArePublishedAsNodesOfTheirCommunity() {
        var fixture = GeoJsonFixture.of(SmallTerritory.map()).add("C1-X", "COMPOUND", "C1", null);
        runner.run(job("imp_compound", fixture, null));
        RegistryNode c = territory.node(2, "C1-X").orElseThrow();
        assertTrue(c.compound());
        assertTrue(territory.children(2, "C1").stream().anyMatch(n -> n.code().equals("C1-X")));
    }
}
