package org.linli.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.core.ValidationFailed;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.territory.MapPublisher;
import org.linli.testing.InMemoryHouseholds;
import org.linli.testing.InMemoryTerritory;
import org.linli.testing.SmallTerritory;

/** Who sees a household whole, masked, or not at all. */
class RegistersTest {
    private static final Principal KEEPER = new Principal("usr_keeper", Set.of(Role.RESIDENT, Role.COMMUNITY_STAFF), Set.of("C1"));
    private static final Principal WORKER_G2 = new Principal("usr_g2", Set.of(Role.RESIDENT, Role.GRID_WORKER), Set.of("G2"));
    private static final Principal WORKER_G1 = new Principal("usr_g1", Set.of(Role.RESIDENT, Role.GRID_WORKER), Set.of("G1"));
    private static final Principal STREET = new Principal("usr_street", Set.of(Role.RESIDENT, Role.STREET_STAFF), Set.of("S1"));
    private static final Principal MEMBER = new Principal("usr_member", Set.of(Role.RESIDENT, Role.VOLUNTEER), Set.of());
    private static final Principal OTHER_KEEPER = new Principal("usr_k2", Set.of(Role.RESIDENT, Role.COMMUNITY_STAFF), Set.of("S2"));

    private Registers registers;
    private Household h;

    @BeforeEach
    void setUp() {
        InMemoryTerritory territory = new InMemoryTerritory();
        new MapPublisher(territory).publish(SmallTerritory.map(), "test");
        registers = new Registers(new InMemoryHouseholds(), territory, CareCategories.defaults(),
                java.time.Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC));
        h = registers.create(KEEPER, "C1", "hh_1", new Registers.Draft("B-G2-01", "1", "101",
                List.of(new Resident("张三", LedgerImportTest.id(1), "13912345678", "户主")), Set.of("ELDERLY_ALONE")));
    }

    @Test
    void theKeeperAndTheBoundPersonSeeItWhole() {
        assertTrue(registers.read(KEEPER, "C1", "hh_1").whole());
        assertThrows(NotFound.class, () -> registers.read(MEMBER, "C1", "hh_1"));
        Household bound = registers.bind(KEEPER, "C1", "hh_1", MEMBER.userId(), null);
        assertEquals(Rhythm.MONTHLY, bound.binding().rhythm(), "独居/空巢老人 asks for a monthly contact");
        Registers.Reading r = registers.read(MEMBER, "C1", "hh_1");
        assertTrue(r.whole());
        assertEquals("张三", r.household().members().get(0).name());
        assertEquals(1, registers.mine(MEMBER, 50, null).items().size());
        assertEquals(1, registers.list(MEMBER, "C1", 50, null).items().size());
    }

    @Test
    void otherStaffOfItsTerritorySeeItMaskedAndOthersNothing() {
        for (Principal p : List.of(WORKER_G2, STREET)) {
            Registers.Reading r = registers.read(p, "C1", "hh_1");
            assertFalse(r.whole());
            Resident m = r.household().members().get(0);
            assertEquals("张*", m.name());
            assertEquals("139****5678", m.phone());
            assertTrue(m.idNumber().contains("********"));
            assertTrue(r.household().care().isEmpty(), "care categories are withheld");
        }
        assertThrows(NotFound.class, () -> registers.read(WORKER_G1, "C1", "hh_1"), "a worker of another grid");
        assertThrows(NotFound.class, () -> registers.read(OTHER_KEEPER, "C1", "hh_1"));
    }

    @Test
    void aWorkerListsOnlyHisBoundHouseholds() {
        assertEquals(1, registers.list(KEEPER, "C1", 50, null).items().size());
        assertEquals(0, registers.list(WORKER_G2, "C1", 50, null).items().size(), "inside the community, nothing bound yet");
        registers.bind(KEEPER, "C1", "hh_1", WORKER_G2.userId(), Rhythm.QUARTERLY);
        assertEquals(1, registers.list(WORKER_G2, "C1", 50, null).items().size());
        assertEquals(0, registers.list(WORKER_G1, "C1", 50, null).items().size());
        assertThrows(Forbidden.class, () -> registers.list(MEMBER, "C1", 50, null), "a member with nothing bound there");
        assertEquals("张*", registers.list(KEEPER, "C1", 50, null).items().get(0).headMasked());
    }

    @Test
    void onlyTheKeeperWritesAndTheBuildingMustBeTheCommunitys() {
        assertThrows(Forbidden.class, () -> registers.bind(STREET, "C1", "hh_1", "usr_x", null));
        assertThrows(Forbidden.class, () -> registers.export(WORKER_G2, "C1"));
        assertThrows(ValidationFailed.class, () -> registers.create(KEEPER, "C1", "hh_2", new Registers.Draft("B-NOWHERE", null, null,
                List.of(new Resident("李四", LedgerImportTest.id(2), null, "户主")), Set.of())));
        assertEquals(1, registers.export(KEEPER, "C1").size());
        assertEquals(h.id(), registers.export(KEEPER, "C1").get(0).id());
    }
}
