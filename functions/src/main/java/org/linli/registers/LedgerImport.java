package org.linli.registers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Clock;
import org.linli.core.Ids;
import org.linli.core.format.Phone;
import org.linli.territory.AddressMatcher;
import org.linli.territory.BuildingRecord;
import org.linli.territory.imports.Csv;
import org.linli.territory.imports.ImportJob;
import org.linli.territory.imports.ImportProblem;
import org.linli.territory.imports.ImportProblem.Kind;
import org.linli.territory.imports.ImportRunner;
import org.linli.territory.imports.ProgressMeter;

/**
 * A community's register ledger (the 台账 it keeps in Excel, saved as CSV), one row per resident,
 * grouped into households by {@code 户号}: validated row by row (ID number checksum, phone,
 * building on the map, care category), the good households stored and the bad rows reported. A
 * household with a bad row is left out whole (half a household is worse than none) and each of its
 * bad rows reported. Problems name the line, the 户号 and the column, never the value: an ID
 * number or a name must not travel into a job's problems or a log. Household ids are derived from
 * the community and the 户号, so importing the same ledger again replaces rather than duplicates.
 */
public final class LedgerImport implements ImportRunner.LedgerImports {
    public static final String SOURCE = "households";
    static final List<String> REQUIRED = List.of("户号", "楼栋", "姓名", "身份证号");
    static final List<String> OPTIONAL = List.of("单元", "房号", "电话", "与户主关系", "关怀类别");
    /** Households written per store call (the store batches them further). */
    static final int CHUNK = 100;

    private final Registers registers;
    private final HouseholdStore store;
    private final AddressMatcher addresses;
    private final Clock clock;

    public LedgerImport(Registers registers, HouseholdStore store, AddressMatcher addresses, Clock clock) {
        this.registers = registers;
        this.store = store;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** The valid households of a ledger and the problems of its bad rows. */
    public record Checked(List<Household> households, int residents, List<ImportProblem> problems) {}

    @Override
    public Result run(ImportJob.Ledger ledger, String csv, ProgressMeter meter) {
        Checked c = check(ledger.community(), csv, meter);
        if (!ledger.dryRun()) {
            meter.phase("storing", c.households().size(), "households");
            for (int i = 0; i < c.households().size(); i += CHUNK) {
                List<Household> chunk = c.households().subList(i, Math.min(c.households().size(), i + CHUNK));
                store.putAll(chunk);
                meter.advance(chunk.size());
            }
        }
        return new Result(c.households().size(), c.residents(), c.problems());
    }

    public Checked check(String community, String csv, ProgressMeter meter) {
        List<ImportProblem> problems = new ArrayList<>();
        List<Csv.Row> rows = Csv.read(csv, SOURCE, REQUIRED, OPTIONAL, problems);
        meter.phase("validating", rows.size(), "rows");
        Map<String, BuildingRecord> buildings = registers.buildings(community);
        Map<String, String> byName = new HashMap<>();
        for (BuildingRecord b : buildings.values()) byName.putIfAbsent(squeeze(b.name()), b.code());
        Map<String, String> matched = new HashMap<>();

        Map<String, List<Csv.Row>> byRef = new LinkedHashMap<>();
        for (Csv.Row r : rows) byRef.computeIfAbsent(r.get("户号") == null ? "" : r.get("户号"), k -> new ArrayList<>()).add(r);
        Set<String> seenIds = new HashSet<>();
        List<Household> valid = new ArrayList<>();
        int residents = 0;
        for (Map.Entry<String, List<Csv.Row>> e : byRef.entrySet()) {
            String ref = e.getKey();
            List<Resident> members = new ArrayList<>();
            Set<String> care = new java.util.LinkedHashSet<>();
            String building = null;
            String unit = null;
            String room = null;
            boolean bad = false;
            for (Csv.Row r : e.getValue()) {
                int before = problems.size();
                if (ref.isEmpty()) problems.add(problem(r, ref, Kind.MISSING_FIELD, "户号", "户号 is required"));
                String given = r.get("楼栋");
                String code = null;
                if (given == null) problems.add(problem(r, ref, Kind.MISSING_FIELD, "楼栋", "楼栋 is required"));
                else {
                    code = buildings.containsKey(given) ? given : byName.get(squeeze(given));
                    if (code == null) code = matched.computeIfAbsent(given, g -> {
                        AddressMatcher.Match m = addresses.match(community, g);
                        return m.buildingCode() != null && buildings.containsKey(m.buildingCode()) ? m.buildingCode() : "";
                    });
                    if (code.isEmpty()) {
                        code = null;
                        problems.add(problem(r, ref, Kind.UNKNOWN_NODE, "楼栋",
                                "楼栋 names no building of " + community + " on the current map"));
                    }
                }
                String name = r.get("姓名");
                if (name == null || name.length() > 50) problems.add(problem(r, ref, Kind.INVALID_VALUE, "姓名", "姓名 is required (at most 50 characters)"));
                String id = IdNumber.normalise(r.get("身份证号"));
                if (!IdNumber.valid(id)) {
                    problems.add(problem(r, ref, Kind.INVALID_VALUE, "身份证号", "身份证号 is not a valid 18-character ID number (GB 11643 check character or birth date)"));
                } else if (!seenIds.add(id)) {
                    problems.add(problem(r, ref, Kind.DUPLICATE_MEMBER, "身份证号", "身份证号 appears on an earlier line of the ledger"));
                }
                String phone = null;
                if (r.get("电话") != null) {
                    phone = Phone.normalise(r.get("电话"));
                    if (phone == null || !Phone.valid(phone)) problems.add(problem(r, ref, Kind.INVALID_VALUE, "电话", "电话 " + Phone.RULE));
                }
                if (r.get("关怀类别") != null) {
                    List<String> unknown = new ArrayList<>();
                    care.addAll(registers.careCodes(List.of(r.get("关怀类别").split("[;；、,，|]")), unknown));
                    if (!unknown.isEmpty()) problems.add(problem(r, ref, Kind.INVALID_VALUE, "关怀类别",
                            unknown.size() + " 关怀类别 not among the configured categories"));
                }
                if (problems.size() > before) {
                    bad = true;
                    continue;
                }
                if (building == null) {
                    building = code;
                    unit = r.get("单元");
                    room = r.get("房号");
                }
                members.add(new Resident(name, id, phone, r.get("与户主关系") == null ? (members.isEmpty() ? "户主" : "家庭成员") : r.get("与户主关系")));
            }
            meter.advance(e.getValue().size());
            if (bad || members.isEmpty()) continue;
            valid.add(new Household(Ids.derived("hh", community, ref), community, building, unit, room, members, care, null, clock.instant()));
            residents += members.size();
        }
        return new Checked(valid, residents, problems);
    }

    private static ImportProblem problem(Csv.Row r, String ref, Kind kind, String field, String detail) {
        return ImportProblem.line(SOURCE, r.line(), ref.isEmpty() ? null : "户号 " + ref, kind, field, detail);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
