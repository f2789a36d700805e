package org.linli.adapters.dynamo.territory;

import java.util.Map;
import org.linli.adapters.dynamo.TableKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of the territory table (see docs/data-model.md and docs/territory.md): every key
 * prefix and index attribute of the table, here and nowhere else. Map versions, nodes and
 * compounds, the cell index and buildings are keyed by map version, so that a new map is written
 * beside the current one and published by flipping one pointer; rosters, departments and import
 * jobs are not versioned.
 */
public final class TerritoryKeys {
    /** Children of a node, buildings under a compound or grid (the picker): one partition each, per map version. */
    public static final String BY_PARENT = "ByParent";
    public static final String PARENT_PK = "gsi1pk";
    public static final String PARENT_SK = "gsi1sk";

    /** The partition of the map pointer and the map versions. */
    public static final String MAP = "MAP";
    /** The sort-key prefix of a map version. */
    public static final String VERSION = "V#";
    /** The partition prefix of an import job and its parts, and the sort-key prefix of a part. */
    public static final String IMPORT = "IMPORT#";
    public static final String PART = "PART#";
    /** The parent a root node is listed under in the ByParent index. */
    public static final String NO_PARENT = "-";

    private TerritoryKeys() {}

    public static Map<String, AttributeValue> currentMap() {
        return TableKeys.key(MAP, "CURRENT");
    }

    public static Map<String, AttributeValue> version(int version) {
        return TableKeys.key(MAP, String.format(VERSION + "%06d", version));
    }

    public static Map<String, AttributeValue> cell(int version, String geohash) {
        return TableKeys.key("CELL#" + version + "#" + geohash, "CELL");
    }

    public static Map<String, AttributeValue> building(int version, String code) {
        return TableKeys.key("BUILDING#" + version + "#" + code, "BUILDING");
    }

    /** Nodes and compounds share this key space: codes are unique across a map, and one GetItem finds either. */
    public static Map<String, AttributeValue> node(int version, String code) {
        return TableKeys.key("NODE#" + version + "#" + code, "NODE");
    }

    public static Map<String, AttributeValue> roster(String nodeCode) {
        return TableKeys.key("ROSTER#" + nodeCode, "ROSTER");
    }

    public static Map<String, AttributeValue> department(String code) {
        return TableKeys.key("DEPT#" + code, "DEPT");
    }

    /** The ByParent partition listing every department (on its {@code DEPT#} item only, not the seats). */
    public static final String DEPARTMENTS = "DEPTS";

    /** Which department of a kind serves a node (the responsible police station of a street, …). */
    public static Map<String, AttributeValue> departmentSeat(String node, String kind) {
        return TableKeys.key("DEPTSEAT#" + node + "#" + kind, "DEPTSEAT");
    }

    public static Map<String, AttributeValue> importJob(String id) {
        return TableKeys.key(IMPORT + id, "JOB");
    }

    public static Map<String, AttributeValue> importChunk(String id, String partId, int chunk) {
        return TableKeys.key(IMPORT + id, String.format(PART + "%s#%03d", partId, chunk));
    }

    /** The ByParent partition of a node's children in a map version. */
    public static String children(int version, String parentCode) {
        return "CHILDREN#" + version + "#" + parentCode;
    }

    /** The ByParent partition of the buildings under a compound or grid in a map version. */
    public static String buildings(int version, String parentCode) {
        return "BUILDINGS#" + version + "#" + parentCode;
    }
}
