package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.linli.local.TemplateLocator;
import org.linli.local.template.FunctionDef;
import org.linli.local.template.FunctionEvent;
import org.linli.local.template.StackContext;
import org.linli.local.template.TemplateModel;
import org.linli.local.template.TemplateReader;

/** docs/openapi.yaml describes exactly the routes of template.yaml, each with a success schema; its $refs resolve and its examples conform. */
class OpenApiRoutesTest {
    private static final TemplateModel MODEL = new TemplateReader(StackContext.defaults(), Map.of(),
            name -> Optional.of("{\"kid\":\"k\",\"privateKey\":\"x\",\"publicKey\":\"y\",\"publicKeys\":\"z\"}")).read(TemplateLocator.find());

    @Test
    void everyTemplateRouteIsInTheOpenApiDocumentAndViceVersa() {
        Set<String> template = new TreeSet<>();
        for (FunctionDef f : MODEL.functions().values()) {
            for (FunctionEvent e : f.events()) {
                if (e instanceof FunctionEvent.HttpApi h && !h.path().equals(FunctionEvent.HttpApi.DEFAULT_ROUTE)) template.add(h.routeKey());
            }
        }
        Set<String> documented = new TreeSet<>(OpenApi.operations().keySet());
        Set<String> missing = new TreeSet<>(template);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(template);
        assertEquals(Set.of(), missing, "routes of template.yaml missing from docs/openapi.yaml");
        assertEquals(Set.of(), extra, "operations of docs/openapi.yaml that template.yaml does not route");
        assertEquals("3.1.0", OpenApi.doc().path("openapi").asText());
    }

    @Test
    void everyOperationHasASuccessResponseWithASchema() {
        OpenApi.operations().forEach((route, op) -> {
            List<String> ok = new ArrayList<>();
            op.path("responses").fieldNames().forEachRemaining(s -> {
                if (s.startsWith("2")) ok.add(s);
            });
            assertEquals(1, ok.size(), route + " declares one success status");
            JsonNode content = op.path("responses").path(ok.get(0)).path("content");
            assertTrue(content.size() >= 1, route);
            content.fields().forEachRemaining(m -> assertTrue(m.getValue().has("schema"), route + " " + m.getKey()));
            assertFalse(op.path("summary").asText().isBlank(), route);
        });
    }

    @Test
    void everyReferenceResolvesAndEveryExampleConforms() {
        List<String> refs = new ArrayList<>();
        collectRefs(OpenApi.doc(), refs);
        for (String ref : refs) assertFalse(OpenApi.resolve(ref).isMissingNode(), ref);
        int examples = 0;
        for (var e : OpenApi.operations().entrySet()) {
            for (JsonNode response : e.getValue().path("responses")) {
                JsonNode r = response.has("$ref") ? OpenApi.resolve(response.get("$ref").asText()) : response;
                for (JsonNode media : r.path("content")) {
                    if (media.has("example")) {
                        examples++;
                        assertEquals(Set.of(), OpenApi.validate(media.path("schema"), media.path("example")), e.getKey() + " example");
                    }
                }
            }
        }
        assertTrue(examples >= 10, "examples: " + examples);
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref")) out.add(f.getValue().asText());
                else collectRefs(f.getValue(), out);
            });
        } else if (n.isArray()) {
            n.forEach(x -> collectRefs(x, out));
        }
    }
}
