package org.linli.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * KPI figures computed by the test from the raw items of the cases table - every case item of a
 * month (a scan: fine in a test, never in the product) and each case's audit items - following
 * docs/kpis.md, without any of the product's KPI code. What the API answers must equal this.
 */
final class IndependentKpis {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String[] COUNTERS = {"received", "merged", "rejected", "responded", "respondedOnTime", "handled", "resolved",
            "closed", "satisfied", "basicallySatisfied", "dissatisfied", "overdue", "reworks", "escalations"};

    /** The sources KPIs split out (docs/kpis.md), and what is counted of each. */
    static final List<String> SOURCES = List.of("MINI_PROGRAM", "OPEN311", "HOTLINE_12345", "ASSIGNED", "WALK_IN");
    static final List<String> BY_SOURCE = List.of("received", "closed", "satisfied");

    private IndependentKpis() {}

    /** Counters per unit code (nodes of each case's path, and its departments) for cases opened in {@code month}. */
    static Map<String, Map<String, Long>> compute(LocalCloud cloud, YearMonth month) {
        String table = cloud.tableName("CasesTable");
        Map<String, Map<String, Long>> units = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = cloud.dynamo().scan(b -> b.tableName(table).filterExpression("sk = :c")
                    .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("CASE"))).exclusiveStartKey(from).consistentRead(true));
            for (Map<String, AttributeValue> item : page.items()) {
                Instant created = Instant.parse(item.get("createdAt").s());
                if (!YearMonth.from(created.atZone(CHINA)).equals(month)) continue;
                List<Map<String, AttributeValue>> trail = cloud.dynamo().query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :p AND begins_with(sk, :a)").consistentRead(true)
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("CASE#" + item.get("caseId").s()),
                                ":a", AttributeValue.fromS("AUDIT#")))).items();
                Map<String, Long> c = ofCase(trail);
                // Split by source, from the case item's own source attribute (not the audit trail the product reads).
                String source = item.containsKey("source") ? item.get("source").s() : null;
                if (source != null && SOURCES.contains(source)) {
                    c.put("bySource." + source + ".received", 1L);
                    if (c.containsKey("closed")) c.put("bySource." + source + ".closed", c.get("closed"));
                    if (c.containsKey("satisfied")) c.put("bySource." + source + ".satisfied", c.get("satisfied"));
                }
                Set<String> codes = new LinkedHashSet<>();
                trail.get(0).get("path").l().forEach(v -> codes.add(v.s()));
                for (var e : trail) {
                    if ("DEPARTMENT".equals(s(e, "tierAfter"))) codes.add(s(e, "tierNode"));
                    if ("SUMMON".equals(s(e, "action"))) for (String d : detail(e, "departments").split(",")) codes.add(d);
                }
                for (String code : codes) c.forEach((k, v) -> units.computeIfAbsent(code, x -> new TreeMap<>()).merge(k, v, Long::sum));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return units;
    }

    private static Map<String, Long> ofCase(List<Map<String, AttributeValue>> trail) {
        Map<String, Long> c = new HashMap<>();
        c.put("received", 1L);
        String status = s(trail.get(trail.size() - 1), "to");
        boolean missed = false;
        boolean answered = false;
        String lastClosingVerdict = null;
        for (var e : trail) {
            String action = s(e, "action");
            boolean system = "SYSTEM".equals(s(e, "actorRole"));
            if (system && (action.equals("ESCALATE") || action.equals("FLAG_OVERDUE"))) missed = true;
            if (!answered && (action.equals("ACCEPT") || action.equals("REJECT"))) {
                answered = true;
                c.merge("responded", 1L, Long::sum);
                String deadline = s(e, "deadlineBefore");
                boolean inTime = deadline == null || s(e, "at").compareTo(deadline) <= 0;
                if (inTime && !missed) c.merge("respondedOnTime", 1L, Long::sum);
            }
            String verdict = action.equals("VERDICT") ? detail(e, "verdict") : action.equals("CALLBACK") ? detail(e, "outcome") : "";
            switch (verdict) {
                case "SATISFIED" -> c.merge("satisfied", 1L, Long::sum);
                case "BASICALLY_SATISFIED" -> c.merge("basicallySatisfied", 1L, Long::sum);
                case "DISSATISFIED" -> c.merge("dissatisfied", 1L, Long::sum);
                default -> { }
            }
            if ("REWORK".equals(s(e, "to")) && !"REWORK".equals(s(e, "from"))) c.merge("reworks", 1L, Long::sum);
            if (action.equals("ESCALATE")) c.merge("escalations", 1L, Long::sum);
            if ("CLOSED".equals(s(e, "to")) && !"CLOSED".equals(s(e, "from"))) lastClosingVerdict = verdict;
        }
        if (missed) c.put("overdue", 1L);
        if (status.equals("MERGED")) c.put("merged", 1L);
        if (status.equals("REJECTED")) c.put("rejected", 1L);
        if (List.of("RESOLVED", "FED_BACK", "CLOSED").contains(status)) c.put("handled", 1L);
        if (status.equals("CLOSED")) {
            c.put("closed", 1L);
            if ("SATISFIED".equals(lastClosingVerdict) || "BASICALLY_SATISFIED".equals(lastClosingVerdict)) c.put("resolved", 1L);
        }
        return c;
    }

    /** The rates of docs/kpis.md from counters, with the configured weights; null where undefined. */
    static Map<String, Double> rates(Map<String, Long> n, JsonNode settings) {
        double w = settings.path("satisfaction").path("basicallySatisfiedWeight").asDouble();
        long received = n.getOrDefault("received", 0L);
        long valid = received - n.getOrDefault("merged", 0L);
        long ours = valid - n.getOrDefault("rejected", 0L);
        long verdicts = n.getOrDefault("satisfied", 0L) + n.getOrDefault("basicallySatisfied", 0L) + n.getOrDefault("dissatisfied", 0L);
        Map<String, Double> r = new HashMap<>();
        r.put("response", div(n.getOrDefault("respondedOnTime", 0L), valid));
        r.put("resolution", div(n.getOrDefault("resolved", 0L), ours));
        r.put("satisfaction", div(n.getOrDefault("satisfied", 0L) + w * n.getOrDefault("basicallySatisfied", 0L), verdicts));
        r.put("disposal", div(n.getOrDefault("handled", 0L), received));
        r.put("completion", div(n.getOrDefault("closed", 0L), ours));
        return r;
    }

    static Double score(Map<String, Double> rates, JsonNode settings) {
        double sum = 0;
        double weights = 0;
        for (var f : (Iterable<Map.Entry<String, JsonNode>>) settings.path("score").path("weights")::fields) {
            Double r = rates.get(f.getKey());
            if (r == null || f.getValue().asDouble() <= 0) continue;
            sum += f.getValue().asDouble() * r;
            weights += f.getValue().asDouble();
        }
        return weights == 0 ? null : Math.round(100 * sum / weights * 100) / 100.0;
    }

    static JsonNode settings() {
        try (var in = IndependentKpis.class.getResourceAsStream("/config/kpis.json")) {
            return Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Double div(double a, double b) {
        return b <= 0 ? null : a / b;
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static String detail(Map<String, AttributeValue> item, String key) {
        AttributeValue d = item.get("details");
        if (d == null || !d.hasM() || d.m().get(key) == null) return "";
        return d.m().get(key).s();
    }

    static List<String> counters() {
        return new ArrayList<>(List.of(COUNTERS));
    }
}
