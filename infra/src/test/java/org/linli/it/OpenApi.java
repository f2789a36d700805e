package org.linli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.linli.json.Json;
import org.linli.local.TemplateLocator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** docs/openapi.yaml as JSON, its operations by route key, and schema validation of responses against it. */
final class OpenApi {
    static final Path FILE = TemplateLocator.find().getParent().resolve("docs/openapi.yaml");
    private static JsonNode doc;

    private OpenApi() {}

    static synchronized JsonNode doc() {
        if (doc == null) {
            try {
                LoaderOptions options = new LoaderOptions();
                options.setCodePointLimit(10 * 1024 * 1024);
                Object tree = new Yaml(options).load(Files.readString(FILE));
                doc = Json.mapper().valueToTree(tree);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return doc;
    }

    /** Every operation as "METHOD /path", as template.yaml names routes. */
    static Map<String, JsonNode> operations() {
        Map<String, JsonNode> ops = new LinkedHashMap<>();
        doc().path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
                ops.put(m.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey(), m.getValue());
            }
        }));
        return ops;
    }

    /** The schema of {@code routeKey}'s answer with {@code status} and media type, or null when the operation does not declare it. */
    static JsonNode responseSchema(String routeKey, int status, String mediaType) {
        JsonNode op = operations().get(routeKey);
        if (op == null) return null;
        JsonNode r = op.path("responses").path(Integer.toString(status));
        if (r.has("$ref")) r = resolve(r.get("$ref").asText());
        JsonNode media = r.path("content").path(mediaType);
        return media.isMissingNode() ? null : media.path("schema");
    }

    static JsonNode resolve(String ref) {
        JsonNode n = doc();
        for (String part : ref.substring(2).split("/")) n = n.path(part.replace("~1", "/").replace("~0", "~"));
        return n;
    }

    /** Validation messages of {@code body} against {@code schema} (its $refs resolved in the document); empty when it conforms. */
    static Set<ValidationMessage> validate(JsonNode schema, JsonNode body) {
        ObjectNode root = Json.object();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", doc().path("components"));
        root.putObject("$defs").set("target", schema);
        root.put("$ref", "#/$defs/target");
        JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        return s.validate(body);
    }
}
