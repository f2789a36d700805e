package org.linli.adapters.dynamo.kpi;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.kpi.CaseFacts;
import org.linli.kpi.Counter;
import org.linli.kpi.KpiStore;
import org.linli.kpi.Tally;
import org.linli.kpi.Unit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout and codecs of the KPI table (docs/data-model.md): a unit's month
 * ({@code KPI#<code> / M#<yyyy-mm>}, counters as numbers named as in the API), a case's fold record
 * ({@code FOLD#<caseId> / FOLD}) and patrol visits ({@code PATROL#<id> / PATROL}). Index
 * {@code ByRank} holds the units ranked under one parent in one month; {@code ByMonth} a month's
 * units ({@code U#}) and fold records ({@code F#}); {@code ByPatroller} a worker's visits.
 */
final class KpiItems {
    private KpiItems() {}

    /**
     * The SET part shared by every write to a unit's month: who the unit is and which indexes it
     * is in. Written with each change (idempotent), so an item is complete whoever creates it.
     */
    static void identity(Unit u, YearMonth month, StringBuilder set, Map<String, String> names, Map<String, AttributeValue> values) {
        names.put("#unit", "unit");
        names.put("#kind", "kind");
        names.put("#month", "month");
        names.put("#path", "path");
        names.put("#mpk", KpiKeys.MONTH_PK);
        names.put("#msk", KpiKeys.MONTH_SK);
        values.put(":unit", Attr.s(u.code()));
        values.put(":kind", Attr.s(u.kind().name()));
        values.put(":month", Attr.s(month.toString()));
        values.put(":path", Attr.strings(u.path()));
        values.put(":mpk", Attr.s(KpiKeys.monthPartition(month)));
        values.put(":msk", Attr.s(KpiKeys.MONTH_UNIT + u.code()));
        set.append("#unit = :unit, #kind = :kind, #month = :month, #path = :path, #mpk = :mpk, #msk = :msk");
        if (u.rankParent() != null) {
            names.put("#rpk", KpiKeys.RANK_PK);
            names.put("#rsk", KpiKeys.RANK_SK);
            values.put(":rpk", Attr.s(KpiKeys.rankPartition(u.rankParent(), month)));
            values.put(":rsk", Attr.s(u.code()));
            set.append(", #rpk = :rpk, #rsk = :rsk");
        }
    }

    /** {@code ADD #c0 :c0, ...} for the non-zero counts of {@code delta}; empty when there are none. */
    static String add(Tally delta, Map<String, String> names, Map<String, AttributeValue> values) {
        List<String> parts = new ArrayList<>();
        for (var e : delta.asMap().entrySet()) {
            String n = "#" + e.getKey().wire();
            names.put(n, e.getKey().wire());
            values.put(":" + e.getKey().wire(), Attr.n(e.getValue()));
            parts.add(n + " :" + e.getKey().wire());
        }
        return parts.isEmpty() ? "" : " ADD " + String.join(", ", parts);
    }

    static Tally tally(Map<String, AttributeValue> item) {
        EnumMap<Counter, Long> m = new EnumMap<>(Counter.class);
        for (Counter c : Counter.values()) {
            AttributeValue v = item.get(c.wire());
            if (v != null && v.n() != null) m.put(c, Long.parseLong(v.n()));
        }
        return Tally.of(m);
    }

    static KpiStore.Stored stored(Map<String, AttributeValue> item) {
        Unit.Kind kind = Unit.Kind.valueOf(Attr.str(item, "kind"));
        String code = Attr.str(item, "unit");
        List<String> path = Attr.list(item, "path");
        String rankpk = Attr.str(item, KpiKeys.RANK_PK);
        String rankParent = null;
        YearMonth month = YearMonth.parse(Attr.str(item, "month"));
        if (rankpk != null) rankParent = rankpk.substring(KpiKeys.RANK.length(), rankpk.length() - month.toString().length() - 1);
        return new KpiStore.Stored(new Unit(code, kind, path, rankParent), month, tally(item), Attr.str(item, "name"),
                Attr.str(item, "level"));
    }

    static Map<String, AttributeValue> foldItem(KpiStore.Folded f) {
        CaseFacts c = f.facts();
        Map<String, AttributeValue> item = new HashMap<>(KpiKeys.fold(c.caseId()));
        item.put("type", Attr.s("FOLD"));
        item.put("caseId", Attr.s(c.caseId()));
        item.put("version", Attr.n(c.version()));
        item.put("definitions", Attr.n(f.definitions()));
        item.put("month", Attr.s(c.month().toString()));
        item.put("path", Attr.strings(c.path()));
        item.put("departments", Attr.strings(c.departments()));
        Map<String, AttributeValue> t = new LinkedHashMap<>();
        c.tally().asMap().forEach((k, v) -> t.put(k.wire(), Attr.n(v)));
        item.put("tally", AttributeValue.fromM(t));
        item.put(KpiKeys.MONTH_PK, Attr.s(KpiKeys.monthPartition(c.month())));
        item.put(KpiKeys.MONTH_SK, Attr.s(KpiKeys.MONTH_FOLD + c.caseId()));
        return item;
    }

    /**
     * Units' months as stored, each hot unit's shards added up into one (docs/kpis.md): the counters summed, the
     * name and level from the item that has them. In the order the units first appear.
     */
    static List<KpiStore.Stored> merged(List<Map<String, AttributeValue>> items) {
        Map<String, KpiStore.Stored> byUnitMonth = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : items) {
            KpiStore.Stored s = stored(item);
            byUnitMonth.merge(s.unit().code() + " " + s.month(), s, (a, b) -> new KpiStore.Stored(a.unit(), a.month(), a.tally().plus(b.tally()),
                    a.name() != null ? a.name() : b.name(), a.level() != null ? a.level() : b.level()));
        }
        return List.copyOf(byUnitMonth.values());
    }

    static KpiStore.Folded folded(Map<String, AttributeValue> item) {
        EnumMap<Counter, Long> m = new EnumMap<>(Counter.class);
        AttributeValue t = item.get("tally");
        if (t != null && t.hasM()) {
            for (Counter c : Counter.values()) {
                AttributeValue v = t.m().get(c.wire());
                if (v != null) m.put(c, Long.parseLong(v.n()));
            }
        }
        CaseFacts facts = new CaseFacts(Attr.str(item, "caseId"), Attr.num(item, "version", 0),
                YearMonth.parse(Attr.str(item, "month")), Attr.list(item, "path"), Attr.list(item, "departments"), Tally.of(m));
        return new KpiStore.Folded(facts, (int) Attr.num(item, "definitions", 0));
    }
}
