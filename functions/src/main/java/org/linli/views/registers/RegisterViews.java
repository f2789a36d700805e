package org.linli.views.registers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.linli.core.Times;
import org.linli.http.Csv;
import org.linli.json.Json;
import org.linli.registers.CareCategories;
import org.linli.registers.Household;
import org.linli.registers.HouseholdListing;
import org.linli.registers.Resident;

/** JSON and CSV of households: a listing row (always masked), a household whole or masked, the ledger export. */
public final class RegisterViews {
    /** The export's columns: those the ledger import reads, so an export imports back. */
    public static final List<String> LEDGER_COLUMNS = List.of("户号", "楼栋", "单元", "房号", "姓名", "身份证号", "电话", "与户主关系", "关怀类别");

    private RegisterViews() {}

    public static ObjectNode listing(HouseholdListing l) {
        ObjectNode o = Json.object().put("householdId", l.id()).put("community", l.community()).put("buildingCode", l.buildingCode());
        putOrNull(o, "unit", l.unit());
        putOrNull(o, "room", l.room());
        putOrNull(o, "head", l.headMasked());
        o.put("members", l.members()).put("careCategories", l.careCount());
        putOrNull(o, "boundTo", l.boundTo());
        putOrNull(o, "rhythm", l.rhythm() == null ? null : l.rhythm().name());
        return o;
    }

    /** A logged 包联 visit: the household by id, when, the note, the findings and the reports they became. */
    public static ObjectNode visit(org.linli.registers.Visit v) {
        ObjectNode o = Json.object().put("visitId", v.id()).put("community", v.community()).put("householdId", v.householdId())
                .put("visitorId", v.visitorId()).put("visitedAt", Times.stored(v.visitedAt())).put("dueMonth", v.dueMonth().toString())
                .put("credited", v.credited());
        putOrNull(o, "note", v.note());
        ArrayNode findings = o.putArray("findings");
        for (var f : v.findings()) {
            ObjectNode fo = findings.addObject().put("note", f.note());
            putOrNull(fo, "category", f.category());
            putOrNull(fo, "reportId", f.reportId());
        }
        return o;
    }

    /** A row of the worker's due list: the household's listing (masked), its status this period and the month it is due by. */
    public static ObjectNode due(org.linli.registers.Visits.Due d) {
        ObjectNode o = listing(d.household().listing());
        o.put("status", d.status().name()).put("dueBy", d.dueMonth().toString());
        putOrNull(o, "lastVisitAt", d.household().lastVisitAt() == null ? null : Times.stored(d.household().lastVisitAt()));
        return o;
    }

    /** A household as read: {@code whole} says whether the fields are shown whole (else masked, and care withheld). */
    public static ObjectNode household(Household h, boolean whole, CareCategories categories) {
        ObjectNode o = Json.object().put("householdId", h.id()).put("community", h.community()).put("buildingCode", h.buildingCode());
        putOrNull(o, "unit", h.unit());
        putOrNull(o, "room", h.room());
        o.put("masked", !whole);
        ArrayNode members = o.putArray("members");
        for (Resident r : h.members()) {
            ObjectNode m = members.addObject().put("name", r.name()).put("idNumber", r.idNumber());
            putOrNull(m, "phone", r.phone());
            putOrNull(m, "relation", r.relation());
        }
        if (whole) {
            ArrayNode care = o.putArray("careCategories");
            for (String code : h.care()) {
                care.addObject().put("code", code).put("name", categories.all().stream().filter(c -> c.code().equals(code))
                        .map(c -> c.name()).findFirst().orElse(code));
            }
        } else {
            o.putNull("careCategories");
        }
        if (h.binding() == null) o.putNull("binding");
        else o.putObject("binding").put("userId", h.binding().userId()).put("rhythm", h.binding().rhythm().name())
                .put("since", Times.api(h.binding().since()));
        o.put("createdAt", Times.api(h.createdAt()));
        return o;
    }

    /** The register as the ledger it came from: one row per resident, 户号 the household id. */
    public static Csv ledger(List<Household> households, CareCategories categories) {
        Csv csv = new Csv(LEDGER_COLUMNS);
        for (Household h : households) {
            List<String> names = new ArrayList<>();
            for (String code : h.care()) names.add(categories.all().stream().filter(c -> c.code().equals(code)).map(c -> c.name())
                    .findFirst().orElse(code));
            for (Resident r : h.members()) {
                csv.row(java.util.Arrays.asList(h.id(), h.buildingCode(), h.unit(), h.room(), r.name(), r.idNumber(), r.phone(),
                        r.relation(), String.join(";", names)));
            }
        }
        return csv;
    }

    private static void putOrNull(ObjectNode o, String name, String value) {
        if (value == null) o.putNull(name);
        else o.put(name, value);
    }
}
