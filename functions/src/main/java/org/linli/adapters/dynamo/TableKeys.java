package org.linli.adapters.dynamo;

import java.util.Map;
import org.linli.core.RateLimit;
import org.linli.core.Times;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What every Linli table shares: the primary key attributes {@code pk}/{@code sk} (each table's
 * item kinds prefix them: see the table's keys class - cases.CasesKeys, territory.TerritoryKeys,
 * volunteer.VolunteerKeys, users.UsersKeys, notifications.NotificationsKeys, kpi.KpiKeys,
 * cycle.CycleKeys), and the rate-limit counter item a
 * table of counted creations carries beside them.
 */
public final class TableKeys {
    public static final String PK = "pk";
    public static final String SK = "sk";
    /** The condition of a write that must create its item. */
    public static final String ABSENT = "attribute_not_exists(" + PK + ")";
    /** The condition of a write that must find its item. */
    public static final String PRESENT = "attribute_exists(" + PK + ")";

    private TableKeys() {}

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, Attr.s(pk), SK, Attr.s(sk));
    }

    /** The key of {@code item} (its pk and sk). */
    public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(PK, item.get(PK), SK, item.get(SK));
    }


    /**
     * The counter of a user's creations in a rate-limit window ({@code QUOTA#<counter>}, {@code W#<window start>}),
     * in the same table as what it counts so that the creation and the count are one transaction.
     */
    public static Map<String, AttributeValue> quota(RateLimit.Charge charge) {
        return key("QUOTA#" + charge.counter(), "W#" + Times.stored(charge.windowStart()));
    }
}
