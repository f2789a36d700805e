package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.adapters.dynamo.users.DynamoApiKeys;
import org.linli.local.LocalCloud;
import org.linli.open311.ApiKeys;
import org.linli.tools.OpenKeys;

/**
 * Open311 GeoReport v2 on the real template, test by test from the specification's text
 * (wiki.open311.org/GeoReport_v2): each method's required fields and possible errors, each filter
 * of GET requests with its 90-day and 1000-request limits, the error format (a list of code and
 * description; 404 for what does not exist, 403 for the api_key, 400 otherwise), W3C date-times
 * with time zones, ids as strings, JSON and XML.
 */
class Open311IntegrationTest {
    private static final String V2 = "/open311/v2";
    /** "All date/time fields must be formatted in a common subset of ISO 8601 ... Timezone information must be included." */
    private static final Pattern W3C = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static LocalCloud cloud;
    private static Api api;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
    }

    private static Api.Answer post(String path, Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return api.call("POST", path, null, b.toString(), Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"));
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }

    /** A point of 枫林社区 (DEMO-E1) in WGS-84, as an Open311 client sends it. */
    private static String[] wgs(double gcjLat, double gcjLng) {
        GeoPoint w = new GeoPoint(gcjLat, gcjLng, Datum.GCJ02).in(Datum.WGS84);
        return new String[] {Double.toString(w.lat()), Double.toString(w.lng())};
    }

    /** "Multiple errors codes and descriptions can be returned in the body (the response is an array)." */
    private static void error(Api.Answer a, int status, String containing) {
        assertEquals(status, a.status(), a.body());
        assertTrue(a.json().isArray() && a.json().size() >= 1, a.body());
        for (JsonNode e : a.json()) {
            assertEquals(status, e.path("code").asInt(), a.body());
            assertTrue(e.path("description").isTextual(), a.body());
        }
        assertTrue(a.body().contains(containing), a.body() + " should mention " + containing);
    }

    private static String create(String category, double gcjLat, double gcjLng, String key) {
        String[] p = wgs(gcjLat, gcjLng);
        Api.Answer a = post(V2 + "/requests.json", form("api_key", key, "service_code", category, "lat", p[0], "long", p[1],
                "description", "小区门口路面塌陷，电话13812345678", "first_name", "芳", "last_name", "王", "phone", "13812345678",
                "account_id", "acct-7"));
        assertEquals(200, a.status(), a.body());
        return a.json().get(0).path("service_request_id").asText();
    }

    /** The request's id once assignment has placed it (its case exists; before, the id answers from the report). */
    private static String placed(String id) {
        Eventually.await(Duration.ofSeconds(20), () -> api.get(V2 + "/requests/" + id + ".json", null).json(),
                j -> j.isArray() && j.size() == 1 && !j.get(0).path("status_notes").asText().startsWith("已收到"), "the request placed");
        return id;
    }

    // ---------------------------------------------------------------- GET Service List

    @Test
    void serviceListHasEveryFieldForEachServiceAndNeedsNoKey() {
        Api.Answer a = api.get(V2 + "/services.json", null);
        assertEquals(200, a.status());
        assertTrue(a.header("Content-Type").startsWith("application/json"));
        assertTrue(a.json().isArray() && a.json().size() >= 9);
        for (JsonNode s : a.json()) {
            assertTrue(s.path("service_code").isTextual(), "service_code as a string: " + s);
            assertTrue(s.path("service_name").isTextual());
            assertTrue(s.path("description").isTextual());
            assertTrue(s.path("metadata").isBoolean(), "metadata: true or false");
            assertTrue(Set.of("realtime", "batch", "blackbox").contains(s.path("type").asText()));
            assertTrue(s.path("keywords").isTextual());
            assertTrue(s.path("group").isTextual());
        }
        assertTrue(a.json().findValuesAsText("service_code").contains("sanitation"));
        assertEquals(200, api.get(V2 + "/services.json?jurisdiction_id=linli", null).status());
        error(api.get(V2 + "/services.json?jurisdiction_id=sfgov.org", null), 404, "jurisdiction_id");
    }

    @Test
    void xmlIsTheSameDocumentByTheSparkConvention() {
        Api.Answer a = api.get(V2 + "/services.xml", null);
        assertEquals(200, a.status());
        assertTrue(a.header("Content-Type").startsWith("text/xml"), a.header("Content-Type"));
        assertTrue(a.body().startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<services><service><service_code>"), a.body());
        assertTrue(a.body().contains("<service_name>环境卫生</service_name>"));
        Api.Answer missing = api.get(V2 + "/services/nope.xml", null);
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("<errors><error><code>404</code><description>"), missing.body());
    }

    // ---------------------------------------------------------------- GET Service Definition

    @Test
    void serviceDefinitionListsItsAttributes() {
        JsonNode d = api.get(V2 + "/services/sanitation.json", null).json();
        assertEquals("sanitation", d.path("service_code").asText());
        List<Integer> orders = new ArrayList<>();
        for (JsonNode attr : d.path("attributes")) {
            assertTrue(attr.path("variable").isBoolean());
            assertTrue(attr.path("code").isTextual());
            assertTrue(Set.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist").contains(attr.path("datatype").asText()));
            assertTrue(attr.path("required").isBoolean());
            assertTrue(attr.has("datatype_description"));
            assertTrue(attr.path("order").asInt() >= 1);
            orders.add(attr.path("order").asInt());
            assertTrue(attr.path("description").isTextual());
            if (attr.path("datatype").asText().endsWith("valuelist")) {
                for (JsonNode v : attr.path("values")) assertTrue(v.path("key").isTextual() && v.path("name").isTextual(), v.toString());
            }
        }
        assertEquals(orders.size(), Set.copyOf(orders).size(), "order: any positive integer not used for other attributes");
        error(api.get(V2 + "/services/no_such_service.json", null), 404, "service_code");
        error(api.get(V2 + "/services/sanitation", null), 404, ".json or .xml");
        error(api.get(V2 + "/services/sanitation.json?jurisdiction_id=other", null), 404, "jurisdiction_id");
    }

    // ---------------------------------------------------------------- POST Service Request

    @Test
    void postingARequestNeedsAValidApiKey() {
        String[] p = wgs(37.8470, 113.5790);
        error(post(V2 + "/requests.json", form("service_code", "sanitation", "lat", p[0], "long", p[1])), 403, "api_key");
        error(post(V2 + "/requests.json", form("api_key", "wrong", "service_code", "sanitation", "lat", p[0], "long", p[1])), 403, "api_key");
        // A key scoped to 西城街道 may not report in 东城街道.
        error(post(V2 + "/requests.json", form("api_key", OpenKeys.DEMO_KEY_WEST, "service_code", "sanitation", "lat", p[0], "long", p[1])),
                403, "api_key");
    }

    @Test
    void postingARequestChecksItsArguments() {
        String k = OpenKeys.DEMO_KEY;
        String[] p = wgs(37.8471, 113.5791);
        error(post(V2 + "/requests.json", form("api_key", k, "lat", p[0], "long", p[1])), 400, "service_code");
        error(post(V2 + "/requests.json", form("api_key", k, "service_code", "potholes", "lat", p[0], "long", p[1])), 404, "service_code");
        error(post(V2 + "/requests.json", form("api_key", k, "service_code", "sanitation")), 400, "location");
        error(post(V2 + "/requests.json", form("api_key", k, "service_code", "sanitation", "lat", p[0])), 400, "long");
        error(post(V2 + "/requests.json", form("api_key", k, "service_code", "sanitation", "lat", p[0], "long", p[1],
                "attribute[anonymous]", "maybe")), 400, "attribute[anonymous]");
        error(post(V2 + "/requests.json", form("api_key", k, "service_code", "sanitation", "lat", p[0], "long", p[1],
                "description", "x".repeat(4001))), 400, "4000");
        error(post(V2 + "/requests.json", form("api_key", k, "service_code", "sanitation", "lat", "12.5", "long", "-70.1")), 400,
                "outside this jurisdiction");
        error(post(V2 + "/requests.json", form("api_key", k, "jurisdiction_id", "sfgov.org", "service_code", "sanitation",
                "lat", p[0], "long", p[1])), 404, "jurisdiction_id");
        // "Content-Type: application/x-www-form-urlencoded" - a JSON body is refused, in the specification's error format.
        Api.Answer json = api.post(V2 + "/requests.json", null, "{\"api_key\":\"" + k + "\"}");
        error(json, 400, "x-www-form-urlencoded");
        // Several problems at once: several errors.
        Api.Answer many = post(V2 + "/requests.json", form("api_key", k, "service_code", "sanitation", "lat", p[0], "long", p[1],
                "attribute[anonymous]", "maybe", "description", "x".repeat(4001)));
        assertEquals(2, many.json().size(), many.body());
    }

    @Test
    void aRequestIsAnsweredWithItsRequestIdAtOnce() {
        String id = placed(create("sanitation", 37.8472, 113.5792, OpenKeys.DEMO_KEY));
        Api.Answer created = post(V2 + "/requests.json", form("api_key", OpenKeys.DEMO_KEY, "service_code", "leak",
                "address_id", "DEMO-E1-G3-M2-B1", "account_id", "acct-9"));
        JsonNode r = created.json().get(0);
        assertTrue(r.path("service_request_id").asText().startsWith("case_"), r.toString());
        assertFalse(r.has("token"), "token will not be returned if service_request_id is returned");
        assertTrue(r.path("service_notice").isTextual());
        assertEquals("acct-9", r.path("account_id").asText());

        // A client that still asks for the token (the report id) finds the same id.
        String token = org.linli.core.Ids.rebrand(id, "rpt");
        JsonNode t = api.get(V2 + "/tokens/" + token + ".json", null).json().get(0);
        assertEquals(token, t.path("token").asText());
        assertEquals(id, t.path("service_request_id").asText());
        error(api.get(V2 + "/tokens/rpt_00000000000000000000000000.json", null), 404, "token");
        // GET Service Request: one request, every field of the response.
        JsonNode one = api.get(V2 + "/requests/" + id + ".json", null).json();
        assertEquals(1, one.size());
        JsonNode req = one.get(0);
        assertEquals(id, req.path("service_request_id").asText());
        assertTrue(req.path("service_request_id").isTextual(), "ids as strings");
        assertEquals("open", req.path("status").asText());
        assertTrue(req.path("status_notes").asText().startsWith("已派单"), req.toString());
        assertEquals("环境卫生", req.path("service_name").asText());
        assertEquals("sanitation", req.path("service_code").asText());
        assertEquals("小区门口路面塌陷，电话138****5678", req.path("description").asText(), "personal information masked");
        assertTrue(req.path("agency_responsible").isTextual());
        assertTrue(req.path("service_notice").isTextual());
        for (String f : List.of("requested_datetime", "updated_datetime", "expected_datetime")) {
            assertTrue(W3C.matcher(req.path(f).asText()).matches(), f + " = " + req.path(f));
        }
        String[] p = wgs(37.8472, 113.5792);
        assertEquals(Double.parseDouble(p[0]), req.path("lat").asDouble(), 0.0001, "WGS84 as posted");
        assertEquals(Double.parseDouble(p[1]), req.path("long").asDouble(), 0.0001);
        for (String f : List.of("address", "address_id", "zipcode", "media_url")) assertTrue(req.has(f), f);
        error(api.get(V2 + "/requests/case_00000000000000000000000000.json", null), 404, "service_request_id");
        Api.Answer xml = api.get(V2 + "/requests/" + id + ".xml", null);
        assertTrue(xml.body().contains("<service_requests><request><service_request_id>" + id + "</service_request_id>"), xml.body());
    }

    // ---------------------------------------------------------------- GET Service Requests

    @Test
    void requestsByIdOverrideEveryOtherArgument() {
        String a = placed(create("sanitation", 37.8490, 113.5794, OpenKeys.DEMO_KEY));
        String b = placed(create("leak", 37.8500, 113.5796, OpenKeys.DEMO_KEY));
        JsonNode both = api.get(V2 + "/requests.json?service_request_id=" + a + "," + b + "&status=closed&service_code=noise", null).json();
        assertEquals(List.of(a, b), both.findValuesAsText("service_request_id"));
        assertEquals(0, api.get(V2 + "/requests.json?service_request_id=case_00000000000000000000000000", null).json().size());
    }

    @Test
    void eachFilterOfGetRequests() {
        String open = placed(create("street_lamp", 37.8478, 113.5798, OpenKeys.DEMO_KEY));
        // A closed one: a hard matter the street rejects.
        Cases cases = new Cases(cloud);
        String rejected = cases.open("illegal_construction", 37.8779, 113.5845, "resident");
        assertEquals(200, cases.act(rejected, "reject", "{\"reason\":\"不属于受理范围\"}",
                new Cases.Who("street-DEMO-E", "RESIDENT,STREET_STAFF", "DEMO-E")).status());

        JsonNode all = api.get(V2 + "/requests.json", null).json();
        assertTrue(all.size() <= 1000, "at most the first 1000 requests");
        assertTrue(all.findValuesAsText("service_request_id").containsAll(List.of(open, rejected)), "default: the most recent 90 days");
        List<String> times = all.findValuesAsText("requested_datetime");
        List<String> sorted = new ArrayList<>(times);
        sorted.sort((x, y) -> OffsetDateTime.parse(y).compareTo(OffsetDateTime.parse(x)));
        assertEquals(sorted, times, "newest first");

        JsonNode lamps = api.get(V2 + "/requests.json?service_code=street_lamp", null).json();
        assertTrue(lamps.size() >= 1);
        for (JsonNode r : lamps) assertEquals("street_lamp", r.path("service_code").asText());
        JsonNode two = api.get(V2 + "/requests.json?service_code=street_lamp,illegal_construction", null).json();
        assertTrue(two.findValuesAsText("service_request_id").containsAll(List.of(open, rejected)));

        JsonNode closed = api.get(V2 + "/requests.json?status=closed", null).json();
        for (JsonNode r : closed) assertEquals("closed", r.path("status").asText());
        JsonNode rej = closed.findParents("service_request_id").stream().filter(r -> r.path("service_request_id").asText().equals(rejected))
                .findFirst().orElseThrow();
        assertTrue(rej.path("status_notes").asText().contains("不属于受理范围"), rej.toString());
        assertFalse(rej.path("status_notes").asText().contains("REJECTED"), "no internal state names: " + rej);
        JsonNode opened = api.get(V2 + "/requests.json?status=open", null).json();
        for (JsonNode r : opened) assertEquals("open", r.path("status").asText());
        assertTrue(opened.findValuesAsText("service_request_id").contains(open));
        assertEquals(api.get(V2 + "/requests.json?status=open,closed&service_code=street_lamp", null).json().size(),
                api.get(V2 + "/requests.json?service_code=street_lamp", null).json().size());
        error(api.get(V2 + "/requests.json?status=pending", null), 400, "status");

        OffsetDateTime now = OffsetDateTime.ofInstant(LinliCloud.now(), ZoneOffset.UTC).withNano(0);
        String in = api.get(V2 + "/requests.json?start_date=" + enc(now.minusHours(1)) + "&end_date=" + enc(now.plusHours(1)), null).body();
        assertTrue(in.contains(open));
        assertFalse(api.get(V2 + "/requests.json?start_date=" + enc(now.minusDays(30)) + "&end_date=" + enc(now.minusDays(29)), null)
                .body().contains(open), "requested before the range: not listed");
        assertTrue(api.get(V2 + "/requests.json?start_date=" + enc(now.minusDays(1)), null).body().contains(open), "start alone: 90 days from it");
        assertTrue(api.get(V2 + "/requests.json?end_date=" + enc(now.plusMinutes(5)), null).body().contains(open), "end alone: 90 days up to it");
        error(api.get(V2 + "/requests.json?start_date=" + enc(now.minusDays(91)) + "&end_date=" + enc(now), null), 400, "90 days");
        error(api.get(V2 + "/requests.json?start_date=" + enc(now) + "&end_date=" + enc(now.minusDays(1)), null), 400, "end_date");
        error(api.get(V2 + "/requests.json?start_date=2026-01-01T00:00:00", null), 400, "time zone");
        error(api.get(V2 + "/requests.json?start_date=yesterday", null), 400, "start_date");
        assertEquals(200, api.get(V2 + "/requests.json?start_date=&status=", null).status(), "an empty argument is an absent one");
        Api.Answer xml = api.get(V2 + "/requests.xml?service_code=street_lamp", null);
        assertTrue(xml.body().startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests><request>"), xml.body());
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheSpecificationsFormat() {
        error(api.get(V2 + "/nothing.json", null), 404, "no resource");
        Api.Answer discovery = api.get("/open311/discovery.json", null);
        assertEquals(200, discovery.status());
        JsonNode e = discovery.json().path("endpoints").get(0);
        assertEquals("http://wiki.open311.org/GeoReport_v2", e.path("specification").asText());
        assertEquals(cloud.baseUrl().toString().replaceAll("/+$", "") + "/open311/v2", e.path("url").asText(),
                "the endpoint as the client reached it: scheme, host and port");
        assertNotNull(e.path("formats"));
    }

    // ---------------------------------------------------------------- clients as they are

    /**
     * A client that submits the way FixMyStreet's Open311 module does: POST requests.xml, take
     * service_request_id from the answer or else ask tokens/{token} once, at once; an empty id is
     * a failed send, re-sent later - each re-send would file another report if the server did not
     * know it again.
     */
    @Test
    void aClientLikeFixMyStreetsGetsAnIdOnFirstContactAndAResendFilesNothingNew() throws Exception {
        String key = "fms-like-client-key";
        ApiKeys.ApiKey registered = OpenKeys.key("fms-like-client", org.linli.tools.DemoTerritory.ROOT);
        new DynamoApiKeys(cloud.dynamo(), cloud.tableName("UsersTable")).save(key, registered);
        DynamoReportStore reports = new DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        List<Map<String, String>> sent = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < 20; i++) {
            String[] p = wgs(37.8452 + (i % 5) * 0.002, 113.5720 + (i / 5) * 0.005);
            Map<String, String> f = form("api_key", key, "service_code", i % 2 == 0 ? "sanitation" : "leak", "lat", p[0], "long", p[1],
                    "description", "第" + i + "号诉求：楼道堆物", "first_name", "芳", "last_name", "王", "phone", "+86 138 1234 " + (1000 + i),
                    "email", "resident" + i + "@example.com", "attribute[fixmystreet_id]", Integer.toString(9000 + i));
            sent.add(f);
            String id = fmsSend(f);
            if (id.isEmpty()) failures++;
            ids.add(id);
        }
        assertEquals(0, failures, "every send recorded an id: " + ids);
        assertEquals(20, Set.copyOf(ids).size(), "20 distinct ids: " + ids);
        assertEquals(20, reports.byReporter(registered.reporterId(), 100, null).items().size(), "20 reports");

        // The client re-sends each request (it believes some failed): the same ids, no report more.
        for (int i = 0; i < 20; i++) assertEquals(ids.get(i), fmsSend(sent.get(i)), "re-send " + i);
        assertEquals(20, reports.byReporter(registered.reporterId(), 100, null).items().size(), "still 20 reports after re-sending");

        // Every id answers, placed or not yet, and once placed as its case (joined ones under the id the client holds).
        ids.forEach(Open311IntegrationTest::placed);
        JsonNode all = api.get(V2 + "/requests.json?service_request_id=" + String.join(",", ids), null).json();
        assertEquals(ids, all.findValuesAsText("service_request_id"));
    }

    /** One FixMyStreet-style send: the id from the POST, or from one token lookup; "" when neither gave one. */
    private static String fmsSend(Map<String, String> f) throws Exception {
        Api.Answer a = post(V2 + "/requests.xml", f);
        assertEquals(200, a.status(), a.body());
        org.w3c.dom.Document d = xml(a.body());
        String id = text(d, "service_request_id");
        if (!id.isEmpty()) return id;
        String token = text(d, "token");
        if (token.isEmpty()) return "";
        return text(xml(api.get(V2 + "/tokens/" + token + ".xml", null).body()), "service_request_id");
    }

    @Test
    void phonesAreFreeFormAndNeverRefuseARequest() {
        DynamoReportStore reports = new DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("+8613812341234", "13812341234");
        stored.put("+86 138 1234 1234", "13812341234");
        stored.put("138-1234-1234", "13812341234");
        stored.put("(0351) 1234567", "(0351) 1234567");
        int i = 0;
        for (var e : stored.entrySet()) {
            String[] p = wgs(37.8455 + i * 0.001, 113.5950);
            Api.Answer a = post(V2 + "/requests.json", form("api_key", OpenKeys.DEMO_KEY, "service_code", "noise", "lat", p[0], "long", p[1],
                    "description", "夜间噪音" + i++, "phone", e.getKey()));
            assertEquals(200, a.status(), e.getKey() + ": " + a.body());
            String report = org.linli.core.Ids.rebrand(a.json().get(0).path("service_request_id").asText(), "rpt");
            assertEquals(e.getValue(), reports.find(report).orElseThrow().content().contact().phone(), e.getKey());
        }
    }

    @Test
    void anAddressStringAloneIsPlacedByItsBuildingOrQueuedForTheStreet() {
        // A building named: placed like address_id (枫林小区5号楼 is DEMO-E1-G2-M1-B1) and assigned to the grid's worker.
        Api.Answer building = post(V2 + "/requests.json", form("api_key", OpenKeys.DEMO_KEY, "service_code", "sanitation",
                "address_string", "东城街道 枫林社区 枫林小区 5号楼", "description", "楼道堆物"));
        assertEquals(200, building.status(), building.body());
        String b = placed(building.json().get(0).path("service_request_id").asText());
        JsonNode br = api.get(V2 + "/requests/" + b + ".json", null).json().get(0);
        assertEquals("DEMO-E1-G2-M1-B1", br.path("address_id").asText(), br.toString());
        assertTrue(br.path("status_notes").asText().startsWith("已派单"), br.toString());

        // No building named: UNASSIGNED in the dispatch queue of the street it named, the address shown to the dispatcher.
        Api.Answer street = post(V2 + "/requests.json", form("api_key", OpenKeys.DEMO_KEY, "service_code", "sanitation",
                "address_string", "东城街道解放路88号门口", "description", "垃圾满溢"));
        assertEquals(200, street.status(), street.body());
        String s = placed(street.json().get(0).path("service_request_id").asText());
        JsonNode sr = api.get(V2 + "/requests/" + s + ".json", null).json().get(0);
        assertTrue(sr.path("status_notes").asText().startsWith("已立案，等待派单"), sr.toString());
        Api.Answer queue = api.get("/dispatch/DEMO-E/unassigned", api.login("street-DEMO-E"));
        assertEquals(200, queue.status(), queue.body());
        assertTrue(queue.body().contains(s), queue.body());
        Api.Answer report = api.get("/reports/" + org.linli.core.Ids.rebrand(s, "rpt"), api.login("street-DEMO-E"));
        assertEquals(200, report.status(), report.body());
        assertTrue(report.json().path("description").asText().endsWith("地址：东城街道解放路88号门口"), "the address shown to the dispatcher: "
                + report.body());

        // A key scoped to 西城街道 may not file an address of 东城街道.
        error(post(V2 + "/requests.json", form("api_key", OpenKeys.DEMO_KEY_WEST, "service_code", "sanitation",
                "address_string", "东城街道枫林社区枫林小区5号楼")), 403, "api_key");
    }

    @Test
    void unknownAttributesAreIgnoredAndRepeatedParametersRefused() {
        String[] p = wgs(37.8460, 113.5980);
        Api.Answer a = post(V2 + "/requests.json", form("api_key", OpenKeys.DEMO_KEY, "service_code", "leak", "lat", p[0], "long", p[1],
                "attribute[WHISPAWN]", "123456", "attribute[client_category]", "pothole"));
        assertEquals(200, a.status(), a.body());

        String body = "api_key=" + OpenKeys.DEMO_KEY + "&service_code=leak&service_code=noise&lat=" + p[0] + "&long=" + p[1];
        error(api.call("POST", V2 + "/requests.json", null, body, Map.of("Content-Type", "application/x-www-form-urlencoded")), 400,
                "service_code");
        String twoKeys = "api_key=" + OpenKeys.DEMO_KEY + "&api_key=" + OpenKeys.DEMO_KEY_WEST + "&service_code=leak&lat=" + p[0] + "&long=" + p[1];
        error(api.call("POST", V2 + "/requests.json", null, twoKeys, Map.of("Content-Type", "application/x-www-form-urlencoded")), 400,
                "api_key");
        error(api.call("POST", V2 + "/requests.json?api_key=" + OpenKeys.DEMO_KEY_WEST, null, "api_key=" + OpenKeys.DEMO_KEY
                + "&service_code=leak&lat=" + p[0] + "&long=" + p[1], Map.of("Content-Type", "application/x-www-form-urlencoded")), 400, "api_key");
        error(api.get(V2 + "/requests.json?service_code=leak&service_code=noise", null), 400, "service_code");
        error(api.get(V2 + "/services.json?jurisdiction_id=linli&jurisdiction_id=linli", null), 400, "jurisdiction_id");

        // The api_key in the query string is as good as in the form.
        Api.Answer inQuery = api.call("POST", V2 + "/requests.json?api_key=" + OpenKeys.DEMO_KEY, null,
                "service_code=leak&description=%E6%BC%8F%E6%B0%B4&lat=" + p[0] + "&long=" + p[1],
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(200, inQuery.status(), inQuery.body());
    }

    /** discovery.xml: well-formed, and the elements the specification's example has. */
    @Test
    void discoveryIsServedAsXmlToo() throws Exception {
        Api.Answer a = api.get("/open311/discovery.xml", null);
        assertEquals(200, a.status(), a.body());
        assertTrue(a.header("Content-Type").startsWith("text/xml"), a.header("Content-Type"));
        org.w3c.dom.Document d = xml(a.body());
        assertEquals("discovery", d.getDocumentElement().getNodeName());
        for (String e : List.of("changeset", "contact", "key_service", "endpoints")) assertFalse(text(d, e).isEmpty() && !e.equals("endpoints"), e);
        org.w3c.dom.NodeList endpoints = d.getElementsByTagName("endpoint");
        assertEquals(1, endpoints.getLength());
        org.w3c.dom.Element e = (org.w3c.dom.Element) endpoints.item(0);
        assertEquals("http://wiki.open311.org/GeoReport_v2", e.getElementsByTagName("specification").item(0).getTextContent());
        assertEquals(cloud.baseUrl().toString().replaceAll("/+$", "") + "/open311/v2", e.getElementsByTagName("url").item(0).getTextContent());
        assertTrue(Set.of("production", "test").contains(e.getElementsByTagName("type").item(0).getTextContent()));
        assertTrue(W3C.matcher(e.getElementsByTagName("changeset").item(0).getTextContent()).matches());
        org.w3c.dom.NodeList formats = e.getElementsByTagName("format");
        List<String> fs = new ArrayList<>();
        for (int i = 0; i < formats.getLength(); i++) fs.add(formats.item(i).getTextContent());
        assertTrue(fs.containsAll(List.of("text/xml", "application/json")), fs.toString());
    }

    private static org.w3c.dom.Document xml(String body) throws Exception {
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of the first element of that name, "" when there is none. */
    private static String text(org.w3c.dom.Document d, String element) {
        org.w3c.dom.NodeList l = d.getElementsByTagName(element);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
    }

    private static String enc(OffsetDateTime t) {
        return URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
    }
}
