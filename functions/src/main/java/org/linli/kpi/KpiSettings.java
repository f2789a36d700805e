package org.linli.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.linli.json.Json;

/**
 * {@code /config/kpis.json}: the weight of a "basically satisfied" answer in the satisfaction
 * rate, the weights of the composite score (Beijing's 12345 law has changed them over the years,
 * so they are configuration), and how often each micro-grid is to be patrolled per month.
 */
public record KpiSettings(double basicallySatisfiedWeight, Map<Rate, Double> scoreWeights, int visitsPerMicroGrid) {
    public KpiSettings {
        if (basicallySatisfiedWeight < 0 || basicallySatisfiedWeight > 1) {
            throw new IllegalArgumentException("satisfaction.basicallySatisfiedWeight must be within 0..1");
        }
        if (visitsPerMicroGrid < 1) throw new IllegalArgumentException("patrol.visitsPerMicroGrid must be at least 1");
        EnumMap<Rate, Double> w = new EnumMap<>(Rate.class);
        scoreWeights.forEach((k, v) -> {
            if (v == null || v < 0) throw new IllegalArgumentException("score weight of " + k.wire() + " must be >= 0");
            if (v > 0) w.put(k, v);
        });
        if (w.isEmpty()) throw new IllegalArgumentException("score.weights needs at least one positive weight");
        scoreWeights = Map.copyOf(w);
    }

    public static KpiSettings fromClasspath() {
        try (InputStream in = KpiSettings.class.getResourceAsStream("/config/kpis.json")) {
            if (in == null) throw new IllegalStateException("/config/kpis.json is missing from the jar");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read kpis.json", e);
        }
    }

    public static KpiSettings parse(String json) {
        JsonNode root = Json.parse(json);
        EnumMap<Rate, Double> weights = new EnumMap<>(Rate.class);
        root.path("score").path("weights").fields().forEachRemaining(f -> weights.put(Rate.fromWire(f.getKey()), f.getValue().asDouble()));
        return new KpiSettings(root.path("satisfaction").path("basicallySatisfiedWeight").asDouble(0.8), weights,
                root.path("patrol").path("visitsPerMicroGrid").asInt(4));
    }
}
