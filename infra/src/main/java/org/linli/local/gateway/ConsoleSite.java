package org.linli.local.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The staff console (console/dist, built by Vite) at {@code /console/}, as CloudFront serves it
 * when deployed: static files with their content types, hashed assets cached for a year, every
 * other path of the single-page app answered with index.html (the app's router takes it from
 * there), and {@code /console/config.json} - where the app learns the API's base URL and which
 * sign-in methods exist - written by the local cloud rather than built in.
 */
public final class ConsoleSite {
    public static final String PREFIX = "/console";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Mirrors the CloudFront response-headers policy: scripts and connections to this origin only. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:%s; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"), Map.entry("wasm", "application/wasm"));

    private final Path root;
    private final Supplier<String> config;
    private final String imageSources;

    /**
     * @param root         the built console (console/dist); it may not exist yet
     * @param config       the body of config.json, computed per request
     * @param imageSources extra CSP img-src sources (a configured tile server's origin), or ""
     */
    public ConsoleSite(Path root, Supplier<String> config, String imageSources) {
        this.root = root.toAbsolutePath().normalize();
        this.config = config;
        this.imageSources = imageSources == null || imageSources.isBlank() ? "" : " " + imageSources.trim();
    }

    public Path root() {
        return root;
    }

    public static boolean handles(String rawPath) {
        return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
    }

    HttpResult serve(GatewayRequest request) {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return with(text(405, "Method Not Allowed"), "Allow", "GET, HEAD");
        }
        String path = request.rawPath();
        if (path.equals(PREFIX)) return with(new HttpResult(301, new ArrayList<>(), new byte[0]), "Location", PREFIX + "/");
        String relative = path.substring(PREFIX.length() + 1);
        if (relative.equals("config.json")) {
            return secure(new HttpResult(200, headers("application/json", "no-store"), config.get().getBytes(StandardCharsets.UTF_8)));
        }
        Path index = root.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            return secure(new HttpResult(503, headers("text/html; charset=utf-8", "no-store"), notBuilt().getBytes(StandardCharsets.UTF_8)));
        }
        Path file = resolve(relative);
        if (file == null) return secure(text(404, "Not Found"));
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            boolean hashed = relative.startsWith("assets/");
            return file(request, file, hashed ? IMMUTABLE : "no-cache");
        }
        // A missing file with an extension is a missing file; any other path is a route of the app.
        String last = relative.substring(relative.lastIndexOf('/') + 1);
        if (last.contains(".")) return secure(text(404, "Not Found"));
        return file(request, index, "no-cache");
    }

    /** The path under the root, or null when it would leave it (.., encoded separators, NUL). */
    private Path resolve(String relative) {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(relative.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (decoded.indexOf('\0') >= 0 || decoded.contains("\\")) return null;
        if (decoded.isEmpty()) decoded = "index.html";
        Path p = root.resolve(decoded).normalize();
        return p.startsWith(root) ? p : null;
    }

    private HttpResult file(GatewayRequest request, Path file, String cacheControl) {
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            String etag = "W/\"" + Long.toHexString(size) + "-" + Long.toHexString(modified) + "\"";
            List<Map.Entry<String, String>> h = headers(type(file), cacheControl);
            h.add(Map.entry("ETag", etag));
            String ifNoneMatch = request.header("if-none-match");
            if (ifNoneMatch != null && List.of(ifNoneMatch.split("\\s*,\\s*")).contains(etag)) {
                return secure(new HttpResult(304, h, new byte[0]));
            }
            return secure(new HttpResult(200, h, Files.readAllBytes(file)));
        } catch (IOException e) {
            return secure(text(404, "Not Found"));
        }
    }

    static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static List<Map.Entry<String, String>> headers(String type, String cacheControl) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        h.add(Map.entry("Content-Type", type));
        h.add(Map.entry("Cache-Control", cacheControl));
        return h;
    }

    private HttpResult secure(HttpResult r) {
        List<Map.Entry<String, String>> h = new ArrayList<>(r.headers());
        h.add(Map.entry("X-Content-Type-Options", "nosniff"));
        h.add(Map.entry("Referrer-Policy", "no-referrer"));
        h.add(Map.entry("X-Frame-Options", "DENY"));
        h.add(Map.entry("Content-Security-Policy", String.format(Locale.ROOT, CSP, imageSources)));
        return new HttpResult(r.status(), h, r.body());
    }

    private static HttpResult text(int status, String message) {
        return new HttpResult(status, headers("text/plain; charset=utf-8", "no-store"), message.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResult with(HttpResult r, String name, String value) {
        List<Map.Entry<String, String>> h = new ArrayList<>(r.headers());
        h.add(Map.entry(name, value));
        return new HttpResult(r.status(), h, r.body());
    }

    private String notBuilt() {
        return "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>邻里工作台未构建</title>"
                + "<p>The console is not built (no " + root.resolve("index.html") + ").</p>"
                + "<p>Build it with <code>mvn -B -DskipTests install</code> from the repository root, "
                + "or <code>cd console &amp;&amp; npm ci &amp;&amp; npm run build</code>.</p></html>";
    }
}
