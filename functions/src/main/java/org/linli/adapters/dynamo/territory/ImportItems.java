package org.linli.adapters.dynamo.territory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.adapters.dynamo.Attr;
import org.linli.core.Times;
import org.linli.geo.Datum;
import org.linli.territory.imports.ImportJob;
import org.linli.territory.imports.ImportProblem;
import org.linli.territory.imports.Progress;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Import jobs in the territory table: the job at {@code IMPORT#<id> / JOB}, its uploaded parts
 * beside it at {@code IMPORT#<id> / PART#<part>#<chunk>} (gzip, cut into chunks that fit an item).
 */
final class ImportItems {
    private ImportItems() {}

    static Map<String, AttributeValue> job(ImportJob j, long expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(TerritoryKeys.importJob(j.id()));
        item.put("id", Attr.s(j.id()));
        item.put("createdBy", Attr.s(j.createdBy()));
        item.put("admin", Attr.bool(j.admin()));
        item.put("scope", Attr.strings(List.copyOf(j.scope())));
        item.put("state", Attr.s(j.state().name()));
        item.put("datum", Attr.s(j.datum().name()));
        item.put("cellPrecision", Attr.n(j.cellPrecision()));
        Attr.put(item, "note", j.note());
        item.put("attempt", Attr.n(j.attempt()));
        item.put("createdAt", Attr.s(Times.stored(j.createdAt())));
        item.put("expiresAt", Attr.n(expiresAt));
        if (j.ledger() != null) {
            item.put("ledgerCommunity", Attr.s(j.ledger().community()));
            item.put("dryRun", Attr.bool(j.ledger().dryRun()));
        }
        return item;
    }

    static ImportJob job(Map<String, AttributeValue> item) {
        AttributeValue parts = item.get("parts");
        AttributeValue counts = item.get("problemCounts");
        Map<String, Integer> problemCounts = new LinkedHashMap<>();
        if (counts != null && counts.hasM()) counts.m().forEach((k, v) -> problemCounts.put(k, Integer.parseInt(v.n())));
        Long version = item.containsKey("mapVersion") ? Attr.num(item, "mapVersion", 0) : null;
        return new ImportJob(Attr.str(item, "id"), Attr.str(item, "createdBy"), Attr.flag(item, "admin"),
                Set.copyOf(Attr.list(item, "scope")), ImportJob.State.valueOf(Attr.str(item, "state")),
                Datum.valueOf(Attr.str(item, "datum")), (int) Attr.num(item, "cellPrecision", 6), Attr.str(item, "note"),
                parts != null && parts.hasSs() ? Set.copyOf(parts.ss()) : Set.of(), (int) Attr.num(item, "attempt", 0),
                progress(item.get("progress")), problems(item.get("problems")), (int) Attr.num(item, "problemCount", 0),
                problemCounts, version == null ? null : version.intValue(), summary(item.get("summary")),
                Attr.str(item, "failure"), instant(item, "createdAt"), instant(item, "committedAt"), instant(item, "finishedAt"),
                item.containsKey("ledgerCommunity") ? new ImportJob.Ledger(Attr.str(item, "ledgerCommunity"), Attr.flag(item, "dryRun")) : null);
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String s = Attr.str(item, name);
        return s == null ? null : Times.parseStored(s);
    }

    static AttributeValue progress(Progress p) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("phase", Attr.s(p.phase()));
        m.put("step", Attr.n(p.step()));
        m.put("steps", Attr.n(p.steps()));
        m.put("done", Attr.n(p.done()));
        m.put("total", Attr.n(p.total()));
        m.put("unit", Attr.s(p.unit()));
        m.put("phaseStartedAt", Attr.s(Times.stored(p.phaseStartedAt())));
        m.put("at", Attr.s(Times.stored(p.at())));
        return AttributeValue.fromM(m);
    }

    private static Progress progress(AttributeValue v) {
        if (v == null || !v.hasM()) return null;
        Map<String, AttributeValue> m = v.m();
        return new Progress(Attr.str(m, "phase"), (int) Attr.num(m, "step", 0), (int) Attr.num(m, "steps", 0),
                Attr.num(m, "done", 0), Attr.num(m, "total", 0), Attr.str(m, "unit"), instant(m, "phaseStartedAt"), instant(m, "at"));
    }

    static AttributeValue problems(List<ImportProblem> problems) {
        List<AttributeValue> l = new ArrayList<>(problems.size());
        for (ImportProblem p : problems) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("source", Attr.s(p.source()));
            m.put("index", Attr.n(p.index()));
            Attr.put(m, "code", p.code());
            m.put("problem", Attr.s(p.problem().name()));
            Attr.put(m, "field", p.field());
            m.put("message", Attr.s(p.message()));
            l.add(AttributeValue.fromM(m));
        }
        return AttributeValue.fromL(l);
    }

    private static List<ImportProblem> problems(AttributeValue v) {
        if (v == null || !v.hasL()) return List.of();
        List<ImportProblem> out = new ArrayList<>();
        for (AttributeValue e : v.l()) {
            Map<String, AttributeValue> m = e.m();
            out.add(new ImportProblem(Attr.str(m, "source"), (int) Attr.num(m, "index", -1), Attr.str(m, "code"),
                    ImportProblem.Kind.valueOf(Attr.str(m, "problem")), Attr.str(m, "field"), Attr.str(m, "message")));
        }
        return out;
    }

    static AttributeValue counts(List<ImportProblem> problems) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ImportProblem p : problems) counts.merge(p.problem().name(), 1, Integer::sum);
        Map<String, AttributeValue> m = new HashMap<>();
        counts.forEach((k, v) -> m.put(k, Attr.n(v)));
        return AttributeValue.fromM(m);
    }

    static AttributeValue summary(ImportJob.Summary s) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("nodes", Attr.n(s.nodes()));
        m.put("compounds", Attr.n(s.compounds()));
        m.put("cells", Attr.n(s.cells()));
        m.put("buildings", Attr.n(s.buildings()));
        m.put("rosters", Attr.n(s.rosters()));
        m.put("items", Attr.n(s.items()));
        m.put("cellEntries", Attr.n(s.cellEntries()));
        m.put("maxCellEntries", Attr.n(s.maxCellEntries()));
        m.put("millis", Attr.n(s.millis()));
        m.put("households", Attr.n(s.households()));
        m.put("residents", Attr.n(s.residents()));
        if (s.orders() > 0 || s.alreadyReceived() > 0) {
            m.put("orders", Attr.n(s.orders()));
            m.put("alreadyReceived", Attr.n(s.alreadyReceived()));
        }
        return AttributeValue.fromM(m);
    }

    private static ImportJob.Summary summary(AttributeValue v) {
        if (v == null || !v.hasM()) return null;
        Map<String, AttributeValue> m = v.m();
        return new ImportJob.Summary((int) Attr.num(m, "nodes", 0), (int) Attr.num(m, "compounds", 0),
                (int) Attr.num(m, "cells", 0), (int) Attr.num(m, "buildings", 0), (int) Attr.num(m, "rosters", 0),
                Attr.num(m, "items", 0), Attr.num(m, "cellEntries", 0), (int) Attr.num(m, "maxCellEntries", 0),
                Attr.num(m, "millis", 0), (int) Attr.num(m, "households", 0), (int) Attr.num(m, "residents", 0),
                (int) Attr.num(m, "orders", 0), (int) Attr.num(m, "alreadyReceived", 0));
    }
}
