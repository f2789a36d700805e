package org.linli.views.territory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.core.Masking;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.territory.RegistryNode;
import org.linli.territory.RosterMember;
import org.linli.territory.imports.GeoJsonTerritory;
import org.linli.territory.imports.ImportJob;
import org.linli.territory.imports.ImportPart;
import org.linli.territory.imports.ImportProblem;
import org.linli.territory.imports.Progress;

/** JSON views of the territory registry - nodes, references, roster members (phones masked for residents) - and of import jobs. */
public final class TerritoryViews {
    private TerritoryViews() {}

    public static ObjectNode node(RegistryNode n, boolean geometry) {
        ObjectNode o = Json.object().put("code", n.code()).put("name", n.name()).put("level", n.level());
        if (n.kind().dedicated()) o.put("kind", n.kind().name());
        if (n.parentCode() == null) o.putNull("parent");
        else o.put("parent", n.parentCode());
        ArrayNode path = o.putArray("path");
        n.path().forEach(path::add);
        if (geometry && n.boundary() != null) o.set("boundary", GeoJsonTerritory.geometry(n.boundary()));
        return o;
    }

    public static void ref(ObjectNode o, String field, String code, String name) {
        if (code == null) {
            o.putNull(field);
            return;
        }
        ObjectNode r = o.putObject(field).put("code", code);
        if (name != null) r.put("name", name);
    }

    /** A roster member; his phone whole for staff, masked for residents (PIPL). */
    public static ObjectNode member(ObjectNode o, RosterMember m, boolean staff) {
        o.put("userId", m.userId());
        if (m.name() != null) o.put("name", m.name());
        if (m.phone() != null) o.put("phone", staff ? m.phone() : Masking.phone(m.phone()));
        return o;
    }

    public static ObjectNode importJob(ImportJob j) {
        ObjectNode o = Json.object().put("jobId", j.id()).put("state", j.state().name()).put("datum", j.datum().name())
                .put("cellPrecision", j.cellPrecision());
        if (j.note() != null) o.put("note", j.note());
        ObjectNode parts = o.putObject("parts");
        for (ImportPart.Kind k : ImportPart.Kind.values()) parts.put(k.name().toLowerCase(java.util.Locale.ROOT), j.partsOf(k));
        o.put("attempt", j.attempt());
        Progress p = j.progress();
        if (p == null) o.putNull("progress");
        else {
            ObjectNode po = o.putObject("progress").put("phase", p.phase()).put("step", p.step()).put("steps", p.steps())
                    .put("done", p.done()).put("total", p.total()).put("unit", p.unit())
                    .put("ratePerSecond", Math.round(p.rate() * 10) / 10.0);
            if (p.eta() == null) po.putNull("etaSeconds");
            else po.put("etaSeconds", p.eta().toSeconds());
            po.put("line", p.line()).put("updatedAt", Times.api(p.at()));
        }
        if (j.ledger() != null) o.putObject("ledger").put("community", j.ledger().community()).put("dryRun", j.ledger().dryRun());
        // A refused territory, or the bad rows left out of an import of work orders (the others were filed)
        if (j.state() == ImportJob.State.REFUSED || j.problemCount() > 0) {
            o.put("problemCount", j.problemCount());
            ObjectNode counts = o.putObject("problemCounts");
            j.problemCounts().forEach(counts::put);
            ArrayNode problems = o.putArray("problems");
            for (ImportProblem pr : j.problems()) {
                ObjectNode po = problems.addObject().put("source", pr.source()).put("index", pr.index());
                if (pr.code() == null) po.putNull("code");
                else po.put("code", pr.code());
                po.put("problem", pr.problem().name());
                if (pr.field() != null) po.put("field", pr.field());
                po.put("message", pr.message());
            }
        }
        if (j.mapVersion() == null) o.putNull("mapVersion");
        else o.put("mapVersion", j.mapVersion());
        ImportJob.Summary s = j.summary();
        if (s != null && (s.orders() > 0 || s.alreadyReceived() > 0 || j.partsOf(org.linli.territory.imports.ImportPart.Kind.ORDERS) > 0)) {
            // an import of work orders: filed now, received before (one case each), bad rows in problems
            o.putObject("summary").put("orders", s.orders()).put("alreadyReceived", s.alreadyReceived()).put("seconds", s.millis() / 1000.0);
        } else if (s != null) {
            o.putObject("summary").put("nodes", s.nodes()).put("compounds", s.compounds()).put("cells", s.cells())
                    .put("buildings", s.buildings()).put("rosters", s.rosters()).put("items", s.items())
                    .put("cellEntries", s.cellEntries()).put("maxCellEntries", s.maxCellEntries()).put("seconds", s.millis() / 1000.0);
            if (j.ledger() != null) ((ObjectNode) o.get("summary")).put("households", s.households()).put("residents", s.residents())
                    .put("stored", j.ledger().dryRun() ? 0 : s.households());
        }
        if (j.failure() != null) o.put("failure", j.failure());
        o.put("createdAt", Times.api(j.createdAt()));
        if (j.committedAt() != null) o.put("committedAt", Times.api(j.committedAt()));
        if (j.finishedAt() != null) o.put("finishedAt", Times.api(j.finishedAt()));
        o.putObject("links").put("self", "/territory/imports/" + j.id());
        return o;
    }
}
