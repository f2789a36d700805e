package org.linli.adapters.dynamo.territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.core.Times;
import org.linli.geo.Datum;
import org.linli.territory.BuildingRecord;
import org.linli.territory.CellEntry;
import org.linli.territory.Compound;
import org.linli.territory.Duty;
import org.linli.territory.GridKind;
import org.linli.territory.Level;
import org.linli.territory.MapInfo;
import org.linli.territory.MapVersion;
import org.linli.territory.NodeRef;
import org.linli.territory.RegistryNode;
import org.linli.territory.Roster;
import org.linli.territory.RosterMember;
import org.linli.territory.StaffRole;
import org.linli.territory.TerritoryNode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item codecs of the territory table (keys: {@link TerritoryKeys}). Geometry is stored as
 * WKB, the compact binary every GIS reads. Cell entries use one-letter attribute names because a
 * dense cell holds a hundred of them and item size is what a read costs.
 */
final class TerritoryItems {
    private TerritoryItems() {}

    static Map<String, AttributeValue> mapInfo(MapInfo m) {
        Map<String, AttributeValue> item = new HashMap<>(TerritoryKeys.currentMap());
        item.put("version", Attr.n(m.version()));
        item.put("datum", Attr.s(m.datum().name()));
        item.put("cellPrecision", Attr.n(m.cellPrecision()));
        item.put("rootCode", Attr.s(m.rootCode()));
        return item;
    }

    static MapInfo mapInfo(Map<String, AttributeValue> item) {
        return new MapInfo((int) Attr.num(item, "version", 0), Datum.valueOf(Attr.str(item, "datum")),
                (int) Attr.num(item, "cellPrecision", 6), Attr.str(item, "rootCode"));
    }

    static Map<String, AttributeValue> node(int version, TerritoryNode n) {
        return node(version, RegistryNode.of(n));
    }

    /** Compounds share the node key space: codes are unique across a map, and one GetItem finds either. */
    static Map<String, AttributeValue> compound(int version, Compound c) {
        return node(version, RegistryNode.of(c));
    }

    private static Map<String, AttributeValue> node(int version, RegistryNode n) {
        Map<String, AttributeValue> item = new HashMap<>(TerritoryKeys.node(version, n.code()));
        item.put("code", Attr.s(n.code()));
        item.put("name", Attr.s(n.name()));
        item.put("level", Attr.s(n.level()));
        item.put("kind", Attr.s(n.kind().name()));
        Attr.put(item, "parent", n.parentCode());
        item.put("path", Attr.strings(n.path()));
        if (n.boundary() != null) item.put("wkb", Attr.b(wkb(n.boundary())));
        item.put(TerritoryKeys.PARENT_PK, Attr.s(TerritoryKeys.children(version, n.parentCode() == null ? TerritoryKeys.NO_PARENT : n.parentCode())));
        item.put(TerritoryKeys.PARENT_SK, Attr.s(n.level() + "#" + n.code()));
        return item;
    }

    static RegistryNode registryNode(Map<String, AttributeValue> item) {
        AttributeValue wkb = item.get("wkb");
        String kind = Attr.str(item, "kind");
        return new RegistryNode(Attr.str(item, "code"), Attr.str(item, "name"), Attr.str(item, "level"),
                kind == null ? GridKind.REGULAR : GridKind.valueOf(kind), Attr.str(item, "parent"), Attr.list(item, "path"),
                wkb == null ? null : read(new WKBReader(), wkb.b().asByteArray()));
    }

    static MapVersion mapVersion(Map<String, AttributeValue> item, int current) {
        int v = (int) Attr.num(item, "version", 0);
        String published = Attr.str(item, "publishedAt");
        return new MapVersion(v, Attr.str(item, "state"), Attr.str(item, "note"), Times.parseStored(Attr.str(item, "createdAt")),
                published == null ? null : Times.parseStored(published), Attr.str(item, "rootCode"),
                item.containsKey("cellPrecision") ? (int) Attr.num(item, "cellPrecision", 0) : null, v == current);
    }

    static Map<String, AttributeValue> cell(int version, String geohash, List<CellEntry> entries) {
        Map<String, AttributeValue> item = new HashMap<>(TerritoryKeys.cell(version, geohash));
        List<AttributeValue> l = new ArrayList<>(entries.size());
        for (CellEntry e : entries) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("c", Attr.s(e.code()));
            m.put("n", Attr.s(e.name()));
            m.put("l", Attr.s(e.level().name()));
            if (e.kind() != GridKind.REGULAR) m.put("k", Attr.s(e.kind().name()));
            m.put("p", Attr.strings(e.path()));
            if (e.full()) m.put("f", Attr.bool(true));
            else m.put("g", Attr.b(wkb(e.geometry())));
            l.add(AttributeValue.fromM(m));
        }
        item.put("entries", AttributeValue.fromL(l));
        return item;
    }

    static List<CellEntry> cellEntries(Map<String, AttributeValue> item) {
        AttributeValue entries = item.get("entries");
        if (entries == null || !entries.hasL()) return List.of();
        List<CellEntry> out = new ArrayList<>(entries.l().size());
        WKBReader reader = new WKBReader();
        for (AttributeValue v : entries.l()) {
            Map<String, AttributeValue> m = v.m();
            boolean full = Attr.flag(m, "f");
            Geometry g = full ? null : read(reader, m.get("g").b().asByteArray());
            String kind = Attr.str(m, "k");
            out.add(new CellEntry(Attr.str(m, "c"), Attr.str(m, "n"), Level.valueOf(Attr.str(m, "l")),
                    kind == null ? GridKind.REGULAR : GridKind.valueOf(kind), Attr.list(m, "p"), full, g));
        }
        return out;
    }

    static Map<String, AttributeValue> building(int version, BuildingRecord b) {
        Map<String, AttributeValue> item = new HashMap<>(TerritoryKeys.building(version, b.code()));
        item.put("code", Attr.s(b.code()));
        item.put("name", Attr.s(b.name()));
        item.put("gridCode", Attr.s(b.grid().code()));
        item.put("gridName", Attr.s(b.grid().name()));
        if (b.microGrid() != null) {
            item.put("microGridCode", Attr.s(b.microGrid().code()));
            item.put("microGridName", Attr.s(b.microGrid().name()));
        }
        item.put("path", Attr.strings(b.path()));
        if (b.lat() != null) item.put("lat", Attr.n(b.lat()));
        if (b.lng() != null) item.put("lng", Attr.n(b.lng()));
        Attr.put(item, "compound", b.compoundCode());
        item.put(TerritoryKeys.PARENT_PK, Attr.s(TerritoryKeys.buildings(version, b.pickerParent())));
        item.put(TerritoryKeys.PARENT_SK, Attr.s(b.code()));
        return item;
    }

    static BuildingRecord building(Map<String, AttributeValue> item) {
        NodeRef grid = new NodeRef(Attr.str(item, "gridCode"), Attr.str(item, "gridName"), Level.GRID);
        NodeRef micro = item.containsKey("microGridCode")
                ? new NodeRef(Attr.str(item, "microGridCode"), Attr.str(item, "microGridName"), Level.MICRO_GRID) : null;
        return new BuildingRecord(Attr.str(item, "code"), Attr.str(item, "name"), grid, micro, Attr.list(item, "path"),
                Attr.dbl(item, "lat"), Attr.dbl(item, "lng"), Attr.str(item, "compound"));
    }

    static Map<String, AttributeValue> roster(Roster r) {
        Map<String, AttributeValue> item = new HashMap<>(TerritoryKeys.roster(r.nodeCode()));
        item.put("nodeCode", Attr.s(r.nodeCode()));
        List<AttributeValue> members = new ArrayList<>();
        for (RosterMember m : r.members()) {
            Map<String, AttributeValue> mm = new HashMap<>();
            mm.put("userId", Attr.s(m.userId()));
            Attr.put(mm, "name", m.name());
            Attr.put(mm, "phone", m.phone());
            mm.put("role", Attr.s(m.role().name()));
            mm.put("duty", Attr.s(m.duty().name()));
            members.add(AttributeValue.fromM(mm));
        }
        item.put("members", AttributeValue.fromL(members));
        return item;
    }

    static Roster roster(Map<String, AttributeValue> item) {
        List<RosterMember> members = new ArrayList<>();
        AttributeValue l = item.get("members");
        if (l != null && l.hasL()) {
            for (AttributeValue v : l.l()) {
                Map<String, AttributeValue> m = v.m();
                members.add(new RosterMember(Attr.str(m, "userId"), Attr.str(m, "name"), Attr.str(m, "phone"),
                        StaffRole.valueOf(Attr.str(m, "role")), Duty.valueOf(Attr.str(m, "duty"))));
            }
        }
        return new Roster(Attr.str(item, "nodeCode"), members);
    }

    static byte[] wkb(Geometry g) {
        return new WKBWriter(2).write(g);
    }

    private static Geometry read(WKBReader reader, byte[] bytes) {
        try {
            return reader.read(bytes);
        } catch (ParseException e) {
            throw new IllegalStateException("corrupt geometry in the territory table", e);
        }
    }
}
