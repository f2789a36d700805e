package org.linli.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.linli.json.Json;
import org.linli.territory.Compound;
import org.linli.territory.GridKind;
import org.linli.territory.TerritoryMap;
import org.linli.territory.TerritoryNode;
import org.linli.territory.imports.GeoJsonTerritory;

/** FeatureCollections for import tests: features added one by one (WKT geometry), or a whole map. */
public final class GeoJsonFixture {
    private final List<ObjectNode> features = new ArrayList<>();

    public static GeoJsonFixture of(TerritoryMap map) {
        GeoJsonFixture f = new GeoJsonFixture();
        for (TerritoryNode n : map.nodes()) {
            f.features.add(GeoJsonTerritory.feature(n.code(), n.name(), n.level().name(), n.kind(), n.parentCode(), n.boundary()));
        }
        for (Compound c : map.compounds()) {
            f.features.add(GeoJsonTerritory.feature(c.code(), c.name(), "COMPOUND", GridKind.REGULAR, c.parentCode(), c.boundary()));
        }
        return f;
    }

    public GeoJsonFixture add(String code, String level, String parent, String wkt) {
        return add(code, level, GridKind.REGULAR, parent, wkt);
    }

    public GeoJsonFixture add(String code, String level, GridKind kind, String parent, String wkt) {
        features.add(GeoJsonTerritory.feature(code, code + "名", level, kind, parent, wkt == null ? null : DemoGeometry.wkt(wkt)));
        return this;
    }

    /** Adds a raw feature as JSON text (for shapes the writer would never produce). */
    public GeoJsonFixture raw(String featureJson) {
        features.add((ObjectNode) Json.parse(featureJson));
        return this;
    }

    /** The feature at {@code index}, to spoil in place. */
    public ObjectNode feature(int index) {
        return features.get(index);
    }

    /** Replaces the geometry of the feature at {@code index} (WKT, or null). */
    public GeoJsonFixture geometry(int index, String wkt) {
        if (wkt == null) features.get(index).putNull("geometry");
        else features.get(index).set("geometry", GeoJsonTerritory.geometry(DemoGeometry.wkt(wkt)));
        return this;
    }

    /** Sets one property of the feature at {@code index} (null removes its value). */
    public GeoJsonFixture property(int index, String name, String value) {
        ObjectNode p = (ObjectNode) features.get(index).get("properties");
        if (value == null) p.putNull(name);
        else p.put(name, value);
        return this;
    }

    public int size() {
        return features.size();
    }

    public ObjectNode collection() {
        return collection(0, features.size());
    }

    public ObjectNode collection(int from, int to) {
        ObjectNode c = Json.object().put("type", "FeatureCollection");
        ArrayNode a = c.putArray("features");
        for (ObjectNode f : features.subList(from, to)) a.add(f.deepCopy());
        return c;
    }

    public String json() {
        return Json.write(collection());
    }
}
