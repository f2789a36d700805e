package org.linli.adapters.dynamo.kpi;

import java.time.Year;
import java.time.YearMonth;
import java.util.Map;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.kpi.Unit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of the KPI table (see docs/data-model.md and docs/kpis.md): every key prefix and
 * index attribute of the table, here and nowhere else. A unit's months, the fold records of the
 * cases counted in it, and patrols; ByRank lists a parent's children of a month by score, ByMonth
 * a month's units and folds, ByPatroller a patroller's visits.
 */
public final class KpiKeys {
    public static final String BY_RANK = "ByRank";
    public static final String RANK_PK = "rankpk";
    public static final String RANK_SK = "ranksk";
    public static final String BY_MONTH = "ByMonth";
    public static final String MONTH_PK = "monthpk";
    public static final String MONTH_SK = "monthsk";
    public static final String BY_PATROLLER = "ByPatroller";
    public static final String PATROLLER_PK = "ptpk";
    public static final String PATROLLER_SK = "ptsk";

    /** A unit's partition prefix, and the sort-key prefix of its months. */
    public static final String UNIT = "KPI#";
    public static final String UNIT_MONTH = "M#";
    /** Sort-key prefixes in a month's ByMonth partition: units and fold records. */
    public static final String MONTH_UNIT = "U#";
    public static final String MONTH_FOLD = "F#";
    /** The partition prefix of a parent's ranking in a month. */
    public static final String RANK = "RANK#";

    /**
     * Counter shards of a hot unit (issue 14 item 8). Every case event folds into the root and its district in one
     * TransactWriteItems - 50 a second at a province's peak - and on AWS two unfinished transactions writing one item
     * cancel each other (TransactionConflict). So a case's fold adds to one of {@code HOT_UNIT_SHARDS} items of such a
     * unit, chosen by the case id, and a read adds the shards up: the chance that two concurrent folds meet on one
     * item falls by this factor. Other units (streets and below: a few cases a minute) keep one item.
     */
    public static final int HOT_UNIT_SHARDS = 8;
    /** Separates a month from its shard number in a shard's sort key: {@code M#2026-12#3}. */
    private static final String SHARD = "#";

    private KpiKeys() {}

    /** A unit's month: the item that carries its name, level, patrol counts and the recompute's repairs. */
    public static Map<String, AttributeValue> unitMonth(String code, YearMonth month) {
        return TableKeys.key(UNIT + code, UNIT_MONTH + month);
    }

    /**
     * Hot units: the root (a path of one), the nodes just below it, and the root's departments (path: root, code) -
     * every case of the province, or of a district or a department, counts in one of them.
     */
    public static boolean hot(Unit unit) {
        return unit.path().size() <= 2;
    }

    /** The item a case's fold adds to: the unit's month, or for a hot unit one of its shards (1..HOT_UNIT_SHARDS) by case id. */
    public static Map<String, AttributeValue> foldTarget(Unit unit, YearMonth month, String caseId) {
        if (!hot(unit)) return unitMonth(unit.code(), month);
        return shard(unit.code(), month, 1 + Math.floorMod(caseId.hashCode(), HOT_UNIT_SHARDS));
    }

    public static Map<String, AttributeValue> shard(String code, YearMonth month, int shard) {
        return TableKeys.key(UNIT + code, UNIT_MONTH + month + SHARD + shard);
    }

    /** The sort-key prefix shared by a unit's month and its shards. */
    public static String monthPrefix(YearMonth month) {
        return UNIT_MONTH + month;
    }

    /** The last sort key a year's months and their shards can have (for BETWEEN). */
    public static String yearEnd(Year year) {
        return UNIT_MONTH + year + "-12" + SHARD + "~";
    }

    /** What a case last contributed to the counters (its fold record). */
    public static Map<String, AttributeValue> fold(String caseId) {
        return TableKeys.key("FOLD#" + caseId, "FOLD");
    }

    public static Map<String, AttributeValue> patrol(String id) {
        return TableKeys.key("PATROL#" + id, "PATROL");
    }

    public static String rankPartition(String rankParent, YearMonth month) {
        return RANK + rankParent + "#" + month;
    }

    public static String monthPartition(YearMonth month) {
        return "MONTH#" + month;
    }

    public static String patrollerPartition(String userId) {
        return "PATROLLER#" + userId;
    }
}
