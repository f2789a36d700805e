package org.linli.categories;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.json.Json;
import org.linli.territory.Level;

/**
 * The category catalogue, read from {@code /config/categories.json} on the classpath: cities
 * change categories and limits, so they are configuration, not code.
 */
public final class Categories {
    private final Map<String, Category> byCode;

    public Categories(List<Category> categories) {
        this(categories, WorkflowSettings.DEFAULTS);
    }

    public Categories(List<Category> categories, WorkflowSettings workflow) {
        this.workflow = workflow;
        Map<String, Category> m = new LinkedHashMap<>();
        for (Category c : categories) {
            if (m.put(c.code(), c) != null) throw new IllegalArgumentException("duplicate category " + c.code());
        }
        this.byCode = Map.copyOf(m);
        this.ordered = List.copyOf(categories);
    }

    private final List<Category> ordered;
    private final WorkflowSettings workflow;

    public static Categories fromClasspath() {
        try (InputStream in = Categories.class.getResourceAsStream("/config/categories.json")) {
            if (in == null) throw new IllegalStateException("/config/categories.json is missing from the jar");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read categories", e);
        }
    }

    public static Categories parse(String json) {
        JsonNode root = Json.parse(json);
        List<Category> list = new java.util.ArrayList<>();
        for (JsonNode c : root.path("categories")) {
            JsonNode limits = c.path("limits");
            list.add(new Category(
                    text(c, "code"), text(c, "name"),
                    MatterType.valueOf(text(c, "matterType")),
                    Level.valueOf(text(c, "ownerLevel")),
                    c.path("emergency").asBoolean(false),
                    new StepLimits(duration(limits, "accept"), duration(limits, "dispatch"),
                            duration(limits, "handle"), duration(limits, "feedback")),
                    c.hasNonNull("department") ? text(c, "department") : null));
        }
        if (list.isEmpty()) throw new IllegalStateException("no categories configured");
        return new Categories(list, settings(root));
    }

    private static WorkflowSettings settings(JsonNode root) {
        WorkflowSettings d = WorkflowSettings.DEFAULTS;
        JsonNode w = root.path("workflow");
        JsonNode dup = root.path("duplicates");
        return new WorkflowSettings(
                optionalDuration(w, "verdictWindow", d.verdictWindow()),
                optionalDuration(w, "reopenWindow", d.reopenWindow()),
                optionalDuration(w, "checkInLimit", d.checkInLimit()),
                optionalDuration(w, "requestMemory", d.requestMemory()),
                new WorkflowSettings.Duplicates(dup.path("radiusMeters").asInt(d.duplicates().radiusMeters()),
                        optionalDuration(dup, "window", d.duplicates().window()),
                        dup.path("cellPrecision").asInt(d.duplicates().cellPrecision())));
    }

    /** Settings of the loop that are not per category (verdict and reopen windows, duplicates rule). */
    public WorkflowSettings workflow() {
        return workflow;
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public List<Category> all() {
        return ordered;
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new IllegalStateException("category field " + field + " missing");
        return v.textValue();
    }

    private static Duration duration(JsonNode n, String field) {
        return Duration.parse(text(n, field));
    }

    private static Duration optionalDuration(JsonNode n, String field, Duration fallback) {
        return n.hasNonNull(field) ? duration(n, field) : fallback;
    }
}
