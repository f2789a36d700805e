package org.linli.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.core.Conflict;
import org.linli.territory.BuildingRecord;
import org.linli.territory.CellEntry;
import org.linli.territory.Compound;
import org.linli.territory.MapInfo;
import org.linli.territory.Roster;
import org.linli.territory.Level;
import org.linli.territory.MapVersion;
import org.linli.territory.RegistryNode;
import org.linli.territory.TerritoryRegistry;
import org.linli.territory.TerritoryNode;
import org.linli.territory.TerritoryRepository;

/** The territory table in maps: both the read port and the write port, counting reads. */
public final class InMemoryTerritory implements TerritoryRegistry, TerritoryRepository {
    private final Map<Integer, Map<String, List<CellEntry>>> cells = new HashMap<>();
    private final Map<Integer, Map<String, BuildingRecord>> buildings = new HashMap<>();
    private final Map<Integer, List<TerritoryNode>> nodes = new HashMap<>();
    private final Map<Integer, List<Compound>> compounds = new HashMap<>();
    private final Map<String, Roster> rosters = new HashMap<>();
    private final List<Integer> versions = new ArrayList<>();
    private MapInfo current;
    public int reads;

    @Override
    public MapInfo currentMap() {
        reads++;
        if (current == null) throw new IllegalStateException("no map");
        return current;
    }

    @Override
    public List<CellEntry> cell(int mapVersion, String geohash) {
        reads++;
        return cells.getOrDefault(mapVersion, Map.of()).getOrDefault(geohash, List.of());
    }

    @Override
    public Optional<BuildingRecord> building(int mapVersion, String code) {
        reads++;
        return Optional.ofNullable(buildings.getOrDefault(mapVersion, Map.of()).get(code));
    }

    @Override
    public Map<String, Roster> rosters(Collection<String> nodeCodes) {
        reads++;
        Map<String, Roster> out = new HashMap<>();
        for (String c : nodeCodes) if (rosters.containsKey(c)) out.put(c, rosters.get(c));
        return out;
    }

    @Override
    public int latestVersion() {
        return versions.isEmpty() ? 0 : versions.get(versions.size() - 1);
    }

    @Override
    public void reserveVersion(int version, String note) {
        if (versions.contains(version)) throw new Conflict("MAP_VERSION_TAKEN", "taken");
        versions.add(version);
    }

    @Override
    public void writeNodes(int version, List<TerritoryNode> n) {
        nodes.put(version, List.copyOf(n));
    }

    @Override
    public void writeCells(int version, Map<String, List<CellEntry>> c) {
        cells.put(version, Map.copyOf(c));
    }

    @Override
    public void writeBuildings(int version, List<BuildingRecord> b) {
        Map<String, BuildingRecord> m = new HashMap<>();
        for (BuildingRecord r : b) m.put(r.code(), r);
        buildings.put(version, m);
    }

    @Override
    public void publish(MapInfo map) {
        if (current == null || current.version() < map.version()) current = map;
    }

    @Override
    public void saveRoster(Roster roster) {
        rosters.put(roster.nodeCode(), roster);
    }

    @Override
    public void saveRosters(List<Roster> list) {
        for (Roster r : list) saveRoster(r);
    }

    @Override
    public void writeCompounds(int version, List<Compound> c) {
        compounds.put(version, List.copyOf(c));
    }

    public Roster roster(String nodeCode) {
        return rosters.get(nodeCode);
    }

    public List<TerritoryNode> nodes(int version) {
        return nodes.getOrDefault(version, List.of());
    }

    public int cellCount(int version) {
        return cells.getOrDefault(version, Map.of()).size();
    }

    private List<RegistryNode> all(int version) {
        List<RegistryNode> out = new ArrayList<>();
        for (TerritoryNode n : nodes.getOrDefault(version, List.of())) out.add(RegistryNode.of(n));
        for (Compound c : compounds.getOrDefault(version, List.of())) out.add(RegistryNode.of(c));
        return out;
    }

    @Override
    public Optional<RegistryNode> node(int mapVersion, String code) {
        reads++;
        return all(mapVersion).stream().filter(n -> n.code().equals(code)).findFirst();
    }

    @Override
    public List<RegistryNode> children(int mapVersion, String code) {
        reads++;
        // In the ByParent index's order: the level's name, then the code.
        return all(mapVersion).stream().filter(n -> code.equals(n.parentCode()))
                .sorted(java.util.Comparator.comparing((RegistryNode n) -> n.level() + "#" + n.code())).toList();
    }

    @Override
    public List<BuildingRecord> buildingsUnder(int mapVersion, String code) {
        reads++;
        return buildings.getOrDefault(mapVersion, Map.of()).values().stream().filter(b -> b.pickerParent().equals(code)).toList();
    }

    @Override
    public List<MapVersion> versions() {
        List<MapVersion> out = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            int v = versions.get(i);
            boolean published = nodes.containsKey(v) && current != null && current.version() >= v;
            out.add(new MapVersion(v, published ? "PUBLISHED" : "WRITING", null, null, null, null, null,
                    current != null && current.version() == v));
        }
        return out;
    }

    @Override
    public Map<String, Level> levels(int mapVersion, Collection<String> codes) {
        Map<String, Level> out = new HashMap<>();
        for (TerritoryNode n : nodes.getOrDefault(mapVersion, List.of())) if (codes.contains(n.code())) out.put(n.code(), n.level());
        return out;
    }
}
