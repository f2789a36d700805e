package org.linli.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.linli.json.ConfigFields;
import org.linli.json.Json;

/**
 * Which notification kinds are also pushed as WeChat subscribe messages, read once from
 * {@code /config/notifications.json}: per kind the template id (each mini-program has its own,
 * chosen in its WeChat admin console) and how the template's fields are filled. Kinds without
 * a template stay in the in-app inbox only.
 */
public final class PushTemplates {
    private static final ConfigFields F = new ConfigFields("/config/notifications.json");
    private static volatile PushTemplates classpath;

    /** A kind's template: its id and each field's text ({@code {placeholder}}s from the notification). */
    public record Template(String templateId, Map<String, String> fields) {
        public Template {
            fields = Map.copyOf(fields);
        }
    }

    private final String page;
    private final Duration refusalMemory;
    private final Map<String, Template> byKind;

    public PushTemplates(String page, Duration refusalMemory, Map<String, Template> byKind) {
        this.page = page;
        this.refusalMemory = refusalMemory;
        this.byKind = Map.copyOf(byKind);
    }

    public static PushTemplates fromClasspath() {
        PushTemplates t = classpath;
        if (t == null) {
            t = parse(ConfigFields.resource("/config/notifications.json"));
            classpath = t;
        }
        return t;
    }

    public static PushTemplates parse(String json) {
        JsonNode root = Json.parse(json);
        Map<String, Template> byKind = new LinkedHashMap<>();
        F.need(root, "templates").fields().forEachRemaining(e -> {
            Map<String, String> fields = new LinkedHashMap<>();
            F.need(e.getValue(), "fields").fields().forEachRemaining(f -> {
                if (!f.getKey().matches("[a-z_]+\\d+")) throw F.fail(e.getKey() + ": " + f.getKey() + " is not a WeChat template field (thing1, date2, ...)");
                fields.put(f.getKey(), f.getValue().asText());
            });
            if (fields.isEmpty()) throw F.fail(e.getKey() + " fills no field");
            byKind.put(e.getKey(), new Template(F.text(e.getValue(), "templateId"), fields));
        });
        return new PushTemplates(F.text(root, "page"), F.duration(root, "refusalMemory"), byKind);
    }

    public Optional<Template> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** How long a refusal is believed: a user may subscribe again in the mini-program meanwhile. */
    public Duration refusalMemory() {
        return refusalMemory;
    }

    /** The subscribe message of {@code n} for {@code openId}, each field within WeChat's length for its type. */
    public WeChatClient.Message message(Template t, Notification n, String openId) {
        Map<String, String> values = new HashMap<>(n.values());
        values.put("title", n.title());
        if (n.body() != null) values.put("body", n.body());
        if (n.caseId() != null) values.put("caseId", n.caseId());
        if (n.category() != null) values.put("category", n.category());
        Map<String, String> fields = new LinkedHashMap<>();
        t.fields().forEach((key, text) -> fields.put(key, fit(key, Texts.render(text, values))));
        String link = n.caseId() != null ? "pages/case/index?id=" + n.caseId() : page + "?id=" + n.id();
        return new WeChatClient.Message(openId, t.templateId(), link, fields);
    }

    /** WeChat refuses values longer than the field type allows (thing: 20 characters, phrase: 5, strings: 32). */
    static String fit(String key, String value) {
        String type = key.replaceAll("\\d+$", "");
        int max = switch (type) {
            case "thing" -> 20;
            case "phrase" -> 5;
            case "character_string", "number", "letter", "symbol", "car_number" -> 32;
            default -> Integer.MAX_VALUE;
        };
        if (value.codePointCount(0, value.length()) <= max) return value;
        return value.substring(0, value.offsetByCodePoints(0, max - 1)) + "…";
    }
}
