package org.linli.adapters.dynamo.kpi;

import java.time.YearMonth;
import java.util.Map;
import org.linli.adapters.dynamo.TableKeys;
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

    private KpiKeys() {}

    public static Map<String, AttributeValue> unitMonth(String code, YearMonth month) {
        return TableKeys.key(UNIT + code, UNIT_MONTH + month);
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
