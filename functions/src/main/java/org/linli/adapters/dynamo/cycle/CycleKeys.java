package org.linli.adapters.dynamo.cycle;

import java.time.YearMonth;
import java.util.Map;
import org.linli.adapters.dynamo.TableKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of the cycle table (see docs/data-model.md): a cycle step's checkpoints, one per
 * community it reaches, and each community's monthly summaries, newest first by month.
 */
public final class CycleKeys {
    private CycleKeys() {}

    public static Map<String, AttributeValue> checkpoint(String cycleId, String community) {
        return TableKeys.key("CYCLE#" + cycleId, "COMMUNITY#" + community);
    }

    /** A community's summaries partition. */
    public static String summaries(String community) {
        return "SUMMARY#" + community;
    }

    public static Map<String, AttributeValue> summary(String community, YearMonth month) {
        return TableKeys.key(summaries(community), "MONTH#" + month);
    }
}
