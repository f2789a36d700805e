package org.linli.registers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured care categories. Configuration, not code: a city adds 重病 or 困境儿童 without
 * a release ({@code CARE_CATEGORIES}: {@code CODE:名称:MONTHLY|QUARTERLY} separated by commas).
 */
public final class CareCategories {
    public static final String DEFAULT = "ELDERLY_ALONE:独居/空巢老人:MONTHLY,DISABLED:残疾:MONTHLY,"
            + "SUBSISTENCE:低保/特困:QUARTERLY,LEFT_BEHIND_CHILD:留守儿童:MONTHLY,VETERAN:退役军人:QUARTERLY";

    private final Map<String, CareCategory> byCode = new LinkedHashMap<>();
    private final Map<String, CareCategory> byName = new LinkedHashMap<>();

    public CareCategories(List<CareCategory> categories) {
        for (CareCategory c : categories) {
            byCode.put(c.code(), c);
            byName.put(c.name(), c);
        }
    }

    public static CareCategories parse(String spec) {
        List<CareCategory> list = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String[] p = entry.strip().split(":");
            if (p.length != 3) throw new IllegalArgumentException("CARE_CATEGORIES entry '" + entry + "' is not CODE:名称:RHYTHM");
            list.add(new CareCategory(p[0].strip(), p[1].strip(), Rhythm.valueOf(p[2].strip())));
        }
        return new CareCategories(list);
    }

    public static CareCategories defaults() {
        return parse(DEFAULT);
    }

    public List<CareCategory> all() {
        return List.copyOf(byCode.values());
    }

    /** By code (ELDERLY_ALONE) or by the ledger's name (独居/空巢老人, or one of its halves: 独居, 空巢老人). */
    public Optional<CareCategory> find(String given) {
        String g = given == null ? "" : given.strip();
        if (byCode.containsKey(g)) return Optional.of(byCode.get(g));
        if (byName.containsKey(g)) return Optional.of(byName.get(g));
        for (CareCategory c : byName.values()) {
            for (String part : c.name().split("/")) if (part.equals(g)) return Optional.of(c);
        }
        return Optional.empty();
    }

    /** The closest rhythm any of {@code codes} asks for (monthly beats quarterly); null when none is a care category. */
    public Rhythm rhythmFor(Set<String> codes) {
        Rhythm best = null;
        for (String code : codes) {
            CareCategory c = byCode.get(code);
            if (c != null && (best == null || c.rhythm().months() < best.months())) best = c.rhythm();
        }
        return best;
    }
}
