package org.linli.volunteer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linli.json.Json;

/**
 * The volunteer service's rules, read once from {@code /config/volunteers.json}: points, service
 * log limits, wish time windows, grading weights and thresholds. Cities change them between
 * years, so they are configuration; a malformed file fails the function's start, not a request.
 */
public record VolunteerRules(PointsRules points, LogRules logs, WishRules wishes, GradingRules grading) {
    private static volatile VolunteerRules classpath;

    public static VolunteerRules fromClasspath() {
        VolunteerRules r = classpath;
        if (r != null) return r;
        try (InputStream in = VolunteerRules.class.getResourceAsStream("/config/volunteers.json")) {
            if (in == null) throw new IllegalStateException("/config/volunteers.json is missing from the jar");
            r = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            classpath = r;
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read volunteer rules", e);
        }
    }

    public static VolunteerRules parse(String json) {
        JsonNode root = Json.parse(json);
        JsonNode p = need(root, "points");
        Map<Integer, Integer> ratingPoints = new HashMap<>();
        need(p, "ratingPoints").fields().forEachRemaining(e -> ratingPoints.put(Integer.parseInt(e.getKey()), e.getValue().intValue()));
        PointsRules points = new PointsRules(integer(p, "perVerifiedHour"), integer(p, "perFulfilledWish"), ratingPoints,
                integer(p, "monthlyCap"));

        JsonNode l = need(root, "serviceLog");
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode t : need(l, "types")) types.put(text(t, "code"), text(t, "name"));
        LogRules logs = new LogRules(integer(l, "maxHoursPerDay"), duration(l, "maxAge"), duration(l, "clockSkew"), types);

        JsonNode w = need(root, "wishes");
        WishRules wishes = new WishRules(duration(w, "minLead"), duration(w, "maxHorizon"), duration(w, "claimWindow"),
                duration(w, "serveWindow"));

        JsonNode g = need(root, "grading");
        JsonNode weights = need(g, "weights");
        Map<Grade, BigDecimal> thresholds = new EnumMap<>(Grade.class);
        need(g, "thresholds").fields().forEachRemaining(e -> thresholds.put(Grade.valueOf(e.getKey()), e.getValue().decimalValue()));
        GradingRules grading = new GradingRules(decimal(weights, "points"), decimal(weights, "assessment"),
                decimal(weights, "residents"), decimal(weights, "beneficiaries"), integer(g, "pointsForFullScore"),
                decimal(g, "missingAssessmentScore"), decimal(g, "noRatingsScore"), thresholds);
        return new VolunteerRules(points, logs, wishes, grading);
    }

    private static JsonNode need(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new IllegalStateException("volunteer rules: " + field + " is missing");
        return v;
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = need(n, field);
        if (!v.canConvertToInt()) throw new IllegalStateException("volunteer rules: " + field + " must be a whole number");
        return v.intValue();
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = need(n, field);
        if (!v.isNumber()) throw new IllegalStateException("volunteer rules: " + field + " must be a number");
        return v.decimalValue();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = need(n, field);
        if (!v.isTextual()) throw new IllegalStateException("volunteer rules: " + field + " must be text");
        return v.textValue();
    }

    private static Duration duration(JsonNode n, String field) {
        return Duration.parse(text(n, field));
    }
}
