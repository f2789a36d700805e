package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.linli.json.Json;
import org.linli.kpi.CaseFacts;
import org.linli.kpi.UnitDirectory;
import org.linli.observability.Log;
import org.linli.patrol.PatrolPlan;
import org.linli.patrol.PatrolStore;
import org.linli.wiring.Wiring;

/**
 * Scheduled on the 1st of each month (Asia/Shanghai): derives the month's patrol plan from the
 * current map and writes each node's planned visits, name and level into its KPI month. Input
 * {@code {"month":"2026-12"}} derives another month (after the map was re-drawn mid-month, say);
 * running it again is harmless (it sets, never adds).
 */
public final class PatrolPlanJob implements RequestStreamHandler {
    private final UnitDirectory units;
    private final PatrolStore store;
    private final int visitsPerUnit;
    private final Clock clock;

    public PatrolPlanJob() {
        this(Wiring.current());
    }

    private PatrolPlanJob(Wiring w) {
        this(w.units(), w.patrolStore(), w.kpiSettings().visitsPerMicroGrid(), w.clock());
    }

    public PatrolPlanJob(UnitDirectory units, PatrolStore store, int visitsPerUnit, Clock clock) {
        this.units = units;
        this.store = store;
        this.visitsPerUnit = visitsPerUnit;
        this.clock = clock;
    }

    /** Writes the plan of {@code month}; returns the rows written. */
    public List<PatrolPlan.Row> plan(YearMonth month) {
        List<PatrolPlan.Row> rows = PatrolPlan.derive(units, visitsPerUnit);
        for (PatrolPlan.Row r : rows) store.plan(r.node().unit(), month, r.node().name(), r.node().level(), r.planned());
        return rows;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        JsonNode in = text.isBlank() ? Json.object() : Json.parse(text);
        YearMonth month = in.hasNonNull("month") ? YearMonth.parse(in.get("month").asText()) : CaseFacts.monthOf(clock.instant());
        List<PatrolPlan.Row> rows = plan(month);
        long planned = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).planned();
        Log.info("patrol.plan", "month", month, "nodes", rows.size(), "planned", planned, "visitsPerUnit", visitsPerUnit);
        output.write(Json.write(Json.object().put("month", month.toString()).put("nodes", rows.size()).put("planned", planned))
                .getBytes(StandardCharsets.UTF_8));
    }
}
