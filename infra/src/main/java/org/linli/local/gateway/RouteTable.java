package org.linli.local.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Routes as HTTP APIs match them: literal segments beat {@code {param}} segments, which beat a
 * greedy {@code {proxy+}}, compared from the left; a specific method beats ANY; when nothing
 * matches, the {@code $default} route (if any) takes the request.
 */
public final class RouteTable<T> {
    public static final String DEFAULT = "$default";

    /** One route; {@code path} is {@code $default} for the default route. */
    public record Route<T>(String method, String path, T target, List<Segment> segments) {
        public String routeKey() {
            return path.equals(DEFAULT) ? DEFAULT : method + " " + path;
        }
    }

    /** @param pathParameters decoded values of {@code {param}} segments; empty for $default */
    public record Match<T>(Route<T> route, Map<String, String> pathParameters) {
        public T target() {
            return route.target();
        }
    }

    sealed interface Segment {
        int rank();
    }

    record Literal(String text) implements Segment {
        public int rank() {
            return 0;
        }
    }

    record Param(String name) implements Segment {
        public int rank() {
            return 1;
        }
    }

    record Greedy(String name) implements Segment {
        public int rank() {
            return 2;
        }
    }

    private final List<Route<T>> routes = new CopyOnWriteArrayList<>();

    /** @throws IllegalArgumentException for a malformed path or a duplicate route key */
    public void add(String method, String path, T target) {
        String m = method.toUpperCase(Locale.ROOT);
        Route<T> route = new Route<>(path.equals(DEFAULT) ? "ANY" : m, path, target, path.equals(DEFAULT) ? List.of() : parse(path));
        for (Route<T> r : routes) {
            if (r.routeKey().equals(route.routeKey())) throw new IllegalArgumentException("duplicate route " + route.routeKey());
        }
        routes.add(route);
    }

    public List<Route<T>> routes() {
        return List.copyOf(routes);
    }

    public Optional<Match<T>> match(String method, String rawPath) {
        List<String> parts = split(rawPath);
        Match<T> best = null;
        Route<T> fallback = null;
        for (Route<T> route : routes) {
            if (route.path().equals(DEFAULT)) {
                fallback = route;
                continue;
            }
            if (!route.method().equals("ANY") && !route.method().equals(method)) continue;
            Map<String, String> params = matches(route.segments(), parts);
            if (params == null) continue;
            Match<T> candidate = new Match<>(route, params);
            if (best == null || SPECIFICITY.compare(candidate.route(), best.route()) < 0) best = candidate;
        }
        if (best != null) return Optional.of(best);
        return fallback == null ? Optional.empty() : Optional.of(new Match<>(fallback, Map.of()));
    }

    private static final Comparator<Route<?>> SPECIFICITY = (a, b) -> {
        int n = Math.max(a.segments().size(), b.segments().size());
        for (int i = 0; i < n; i++) {
            int ra = i < a.segments().size() ? a.segments().get(i).rank() : 3;
            int rb = i < b.segments().size() ? b.segments().get(i).rank() : 3;
            if (ra != rb) return Integer.compare(ra, rb);
        }
        return Boolean.compare(a.method().equals("ANY"), b.method().equals("ANY"));
    };

    private static Map<String, String> matches(List<Segment> template, List<String> parts) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            Segment s = template.get(i);
            if (s instanceof Greedy g) {
                if (i >= parts.size()) return null;
                String rest = String.join("/", parts.subList(i, parts.size()));
                if (rest.isEmpty()) return null;
                params.put(g.name(), decode(rest));
                return params;
            }
            if (i >= parts.size()) return null;
            String part = parts.get(i);
            if (s instanceof Literal l) {
                if (!l.text().equals(decode(part))) return null;
            } else if (s instanceof Param p) {
                if (part.isEmpty()) return null;
                params.put(p.name(), decode(part));
            }
        }
        return template.size() == parts.size() ? params : null;
    }

    static List<Segment> parse(String path) {
        if (!path.startsWith("/")) throw new IllegalArgumentException("route path must start with '/': " + path);
        List<Segment> out = new ArrayList<>();
        List<String> parts = split(path);
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (p.startsWith("{") && p.endsWith("+}")) {
                if (i != parts.size() - 1) throw new IllegalArgumentException("greedy " + p + " must be the last segment of " + path);
                out.add(new Greedy(p.substring(1, p.length() - 2)));
            } else if (p.startsWith("{") && p.endsWith("}")) {
                out.add(new Param(p.substring(1, p.length() - 1)));
            } else {
                out.add(new Literal(p));
            }
        }
        return out;
    }

    /** "/a/b" -> [a, b]; "/" -> []; a trailing slash keeps its empty segment, as API Gateway does. */
    private static List<String> split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.isEmpty()) return List.of();
        return List.of(p.split("/", -1));
    }

    /** Percent-decoding only: in a path, '+' is a plus. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length) {
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.write(in[i]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
