package org.linli.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSiteTest {
    @TempDir
    Path dist;
    ConsoleSite site;

    @BeforeEach
    void build() throws IOException {
        Files.writeString(dist.resolve("index.html"), "<!doctype html><title>console</title>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/index-abc123.js"), "console.log(1)");
        Files.writeString(dist.resolve("assets/index-abc123.css"), "body{}");
        Files.writeString(dist.getParent().resolve("secret.txt"), "outside");
        site = new ConsoleSite(dist, () -> "{\"apiBaseUrl\":\"\",\"devLogin\":true}", "https://*.tianditu.gov.cn");
    }

    private HttpResult get(String path, Map<String, List<String>> headers) {
        return site.serve(new GatewayRequest("GET", path, "", headers, new byte[0], "127.0.0.1", "HTTP/1.1"));
    }

    private HttpResult get(String path) {
        return get(path, Map.of());
    }

    private static String header(HttpResult r, String name) {
        return r.headers().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String body(HttpResult r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesHashedAssetsWithTheirTypeForAYear() {
        HttpResult js = get("/console/assets/index-abc123.js");
        assertEquals(200, js.status());
        assertEquals("text/javascript; charset=utf-8", header(js, "Content-Type"));
        assertEquals("public, max-age=31536000, immutable", header(js, "Cache-Control"));
        assertEquals("console.log(1)", body(js));
        assertEquals("text/css; charset=utf-8", header(get("/console/assets/index-abc123.css"), "Content-Type"));
    }

    @Test
    void answersEveryRouteOfTheAppWithIndexHtmlRevalidatedEachTime() {
        for (String path : List.of("/console/", "/console/cases", "/console/cases/case_01ABC", "/console/big-screen")) {
            HttpResult r = get(path);
            assertEquals(200, r.status(), path);
            assertEquals("text/html; charset=utf-8", header(r, "Content-Type"), path);
            assertEquals("no-cache", header(r, "Cache-Control"), path);
            assertTrue(body(r).contains("<title>console</title>"), path);
        }
    }

    @Test
    void redirectsTheBarePrefix() {
        HttpResult r = get("/console");
        assertEquals(301, r.status());
        assertEquals("/console/", header(r, "Location"));
    }

    @Test
    void aMissingFileIsA404NotTheApp() {
        assertEquals(404, get("/console/assets/gone-123.js").status());
        assertEquals(404, get("/console/favicon.ico").status());
    }

    @Test
    void neverLeavesTheBuildDirectory() {
        for (String path : List.of("/console/../secret.txt", "/console/%2e%2e/secret.txt", "/console/assets/..%2F..%2Fsecret.txt",
                "/console/..%5Csecret.txt", "/console/%00index.html")) {
            HttpResult r = get(path);
            assertFalse(body(r).contains("outside"), path);
            assertTrue(r.status() == 404 || r.status() == 200 && body(r).contains("<title>console</title>"), path + " " + r.status());
        }
    }

    @Test
    void theRuntimeConfigurationIsWrittenByTheCloudAndNeverCached() {
        HttpResult r = get("/console/config.json");
        assertEquals(200, r.status());
        assertEquals("application/json", header(r, "Content-Type"));
        assertEquals("no-store", header(r, "Cache-Control"));
        assertEquals("{\"apiBaseUrl\":\"\",\"devLogin\":true}", body(r));
    }

    @Test
    void revalidationWithTheETagIsA304() {
        String etag = header(get("/console/assets/index-abc123.js"), "ETag");
        HttpResult r = get("/console/assets/index-abc123.js", Map.of("If-None-Match", List.of(etag)));
        assertEquals(304, r.status());
        assertEquals(0, r.body().length);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        HttpResult r = get("/console/cases");
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
        assertEquals("DENY", header(r, "X-Frame-Options"));
        String csp = header(r, "Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("img-src 'self' data: blob: https://*.tianditu.gov.cn"), csp);
    }

    @Test
    void onlyReads() {
        HttpResult r = site.serve(new GatewayRequest("POST", "/console/", "", Map.of(), new byte[0], "127.0.0.1", "HTTP/1.1"));
        assertEquals(405, r.status());
        assertEquals("GET, HEAD", header(r, "Allow"));
    }

    @Test
    void saysHowToBuildWhenThereIsNoBuild(@TempDir Path empty) {
        ConsoleSite none = new ConsoleSite(empty.resolve("dist"), () -> "{}", "");
        HttpResult r = none.serve(new GatewayRequest("GET", "/console/", "", Map.of(), new byte[0], "127.0.0.1", "HTTP/1.1"));
        assertEquals(503, r.status());
        assertTrue(body(r).contains("npm run build"));
        assertEquals(200, none.serve(new GatewayRequest("GET", "/console/config.json", "", Map.of(), new byte[0], "127.0.0.1", "HTTP/1.1")).status());
    }

    @Test
    void handlesOnlyItsPrefix() {
        assertTrue(ConsoleSite.handles("/console"));
        assertTrue(ConsoleSite.handles("/console/x"));
        assertFalse(ConsoleSite.handles("/consoles"));
        assertFalse(ConsoleSite.handles("/cases"));
    }
}
