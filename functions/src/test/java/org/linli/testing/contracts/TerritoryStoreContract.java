package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.linli.territory.BuildingRecord;
import org.linli.territory.CellEntry;
import org.linli.territory.Duty;
import org.linli.territory.GridKind;
import org.linli.territory.Level;
import org.linli.territory.NodeRef;
import org.linli.territory.RegistryNode;
import org.linli.territory.Roster;
import org.linli.territory.RosterMember;
import org.linli.territory.StaffRole;
import org.linli.territory.TerritoryNode;
import org.linli.territory.TerritoryRegistry;
import org.linli.territory.TerritoryRepository;

/**
 * What the territory's two ports do with a version's nodes, buildings, cells and with rosters, written once: run
 * against InMemoryTerritory and against DynamoDB Local. A version far above any published one is written and never
 * reserved or published (the table is shared: the current map and the version list stay the demo's); codes are fresh.
 */
public abstract class TerritoryStoreContract {
    protected abstract TerritoryRegistry registry();

    protected abstract TerritoryRepository repository();

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final int version = 900_000 + ThreadLocalRandom.current().nextInt(90_000);
    private final String root = "R" + run;

    private TerritoryNode node(String code, String name, Level level, String parent, List<String> path) {
        return new TerritoryNode(code, name, level, GridKind.REGULAR, parent, path, null);
    }

    private List<TerritoryNode> map() {
        String w = root + "-W";
        String e = root + "-E";
        String c = w + "1";
        // Written out of order: children are listed by level, then code.
        return List.of(node(c + "-G1", "第1网格", Level.GRID, c, List.of(root, w, c, c + "-G1")),
                node(w, "西城街道", Level.STREET, root, List.of(root, w)),
                node(c, "柳园社区", Level.COMMUNITY, w, List.of(root, w, c)),
                node(e, "东城街道", Level.STREET, root, List.of(root, e)),
                node(root, "示范区", Level.DISTRICT, null, List.of(root)));
    }

    @Test
    void aVersionsNodesAreReadAsWrittenChildrenByLevelThenCode() {
        repository().writeNodes(version, map());
        assertEquals(List.of(root + "-E", root + "-W"), registry().children(version, root).stream().map(RegistryNode::code).toList());
        RegistryNode community = registry().node(version, root + "-W1").orElseThrow();
        assertEquals("柳园社区", community.name());
        assertEquals(Level.COMMUNITY.name(), community.level());
        assertEquals(List.of(root, root + "-W", root + "-W1"), community.path());
        assertEquals(root + "-W", community.parentCode());
        assertEquals(Optional.empty(), registry().node(version, root + "-NOTHING"));
        assertEquals(Optional.empty(), registry().node(version - 1, root), "another version's map does not know it");
        assertEquals(Map.of(root, Level.DISTRICT, root + "-W1-G1", Level.GRID),
                registry().levels(version, List.of(root, root + "-W1-G1", root + "-NOTHING")));
    }

    @Test
    void buildingsAreFoundByCodeAndUnderTheirPickerParent() {
        String grid = root + "-W1-G1";
        BuildingRecord b = new BuildingRecord(grid + "-B1", "3号楼", new NodeRef(grid, "第1网格", Level.GRID), null,
                List.of(root, root + "-W", root + "-W1", grid), 37.85, 113.55, null);
        repository().writeBuildings(version, List.of(b));
        assertEquals(Optional.of(b), registry().building(version, b.code()));
        assertEquals(List.of(b), registry().buildingsUnder(version, grid));
        assertEquals(List.of(), registry().buildingsUnder(version, root + "-W1"));
    }

    @Test
    void aCellsEntriesAreReadAsWritten() {
        String geohash = "wq" + run.toLowerCase().replaceAll("[^0-9bcdefghjkmnpqrstuvwxyz]", "b");
        CellEntry full = new CellEntry(root + "-W1-G1", "第1网格", Level.GRID, GridKind.REGULAR,
                List.of(root, root + "-W", root + "-W1", root + "-W1-G1"), true, null);
        repository().writeCells(version, Map.of(geohash, List.of(full)));
        assertEquals(List.of(full), registry().cell(version, geohash));
        assertEquals(List.of(), registry().cell(version, geohash + "0"));
    }

    @Test
    void aRosterReplacesTheNodesRosterAndIsReadByCode() {
        String grid = root + "-W1-G1";
        Roster first = new Roster(grid, List.of(new RosterMember("usr_" + run + "a", "张伟", "13800000001", StaffRole.GRID_WORKER, Duty.ON_DUTY)));
        repository().saveRoster(first);
        Roster second = new Roster(grid, List.of(new RosterMember("usr_" + run + "b", "李娜", "13800000002", StaffRole.GRID_WORKER,
                Duty.ON_DUTY), new RosterMember("usr_" + run + "a", "张伟", "13800000001", StaffRole.GRID_WORKER, Duty.BACKUP)));
        repository().saveRosters(List.of(second));
        assertEquals(Map.of(grid, second), registry().rosters(List.of(grid, root + "-NOTHING")));
    }
}
