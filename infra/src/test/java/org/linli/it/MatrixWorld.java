package org.linli.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.adapters.dynamo.notifications.DynamoNotificationStore;
import org.linli.adapters.dynamo.users.DynamoUserStore;
import org.linli.adapters.sqs.ReportReceivedMessage;
import org.linli.core.Ids;
import org.linli.core.Times;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.identity.Grant;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.identity.UserAccount;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.notify.Notification;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportReceived;
import org.linli.report.Source;
import org.linli.tools.DemoTerritory;
import org.linli.tools.bench.Events;
import org.linli.volunteer.grading.Standings;
import org.linli.volunteer.servicelog.ServiceLogs;
import org.linli.volunteer.wishes.Wishes;
import org.linli.wiring.VolunteerPorts;

/**
 * The objects and callers of the authorization matrix, and one request per route. "West" objects
 * lie in the callers' scope (DEMO-W1, its grid G1 and micro-grid M2, street DEMO-W, the west
 * police station), "east" ones outside it (DEMO-E1 for cases and nodes, DEMO-E2 for the volunteer
 * service - DEMO-E1's volunteers are counted by the scripted year). Mutating routes get a fresh
 * object per cell, so that no cell depends on another.
 */
final class MatrixWorld {
    /** A user and his access token. */
    record Caller(String userId, String token) {}

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final LocalCloud cloud;
    private final Api api;
    private final DynamoUserStore users;
    private final VolunteerFixtures fx;
    private final VolunteerPorts ports;
    private final Wishes wishes;
    private final ServiceLogs logs;
    private final Standings standings;
    private final Principal admin = new Principal(DemoTerritory.userId("admin"), Set.of(Role.RESIDENT, Role.ADMIN), Set.of());
    private final Map<String, Caller> demo = new HashMap<>();
    private final Caller volunteer;
    private final Caller otherDistrict;
    private final Case west;
    private final Case east;
    private final Case police;
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger logSlots = new AtomicInteger();
    private final AtomicInteger publishYears = new AtomicInteger(2001);
    /** The last error body each thread got (the matrix sends its rows from several threads). */
    private final ThreadLocal<String> lastProblems = ThreadLocal.withInitial(() -> "");

    /** A fixture case and the report that opened it. */
    record Case(String caseId, String reportId) {}

    MatrixWorld(LocalCloud cloud) {
        this.cloud = cloud;
        this.api = new Api(cloud.baseUrl());
        this.users = new DynamoUserStore(cloud.dynamo(), cloud.tableName("UsersTable"));
        this.fx = new VolunteerFixtures(cloud);
        this.ports = fx.ports(cloud.clock());
        this.wishes = new Wishes(ports.wishes(), ports.members(), ports.communities(), ports.ratings(), ports.points(), ports.rules(),
                cloud.clock());
        this.logs = new ServiceLogs(ports.logs(), ports.wishes(), ports.ratings(), ports.points(), ports.rules(), cloud.clock());
        this.standings = new Standings(ports.points(), ports.grades(), ports.members(), ports.communities(), ports.rules().grading(),
                cloud.clock());
        for (String handle : List.of("resident", "resident2", "worker-DEMO-W1-G1", "leader-DEMO-W1-G1-M2", "dispatcher-DEMO-W1",
                "street-DEMO-W", "district", "dept-DEMO-PS-W", "admin")) {
            demo.put(handle, new Caller(DemoTerritory.userId(handle), api.login(handle)));
        }
        this.volunteer = member("DEMO-W1", Set.of(Grant.of(Role.RESIDENT), Grant.of(Role.VOLUNTEER)));
        this.otherDistrict = user(Set.of(Grant.of(Role.RESIDENT), new Grant(Role.DISTRICT_STAFF, "DEMO-ELSEWHERE")));
        // Sanitation in DEMO-W1-G1-M2 (assigned to worker-DEMO-W1-G1) and DEMO-E1-G1-M2; noise in the
        // west goes to the west police station's queue (a department matter).
        this.west = openCase("sanitation", 37.8532, 113.5487, DemoTerritory.userId("resident"));
        this.east = openCase("sanitation", 37.8532, 113.5787, DemoTerritory.userId("resident2"));
        this.police = openCase("noise", 37.8527, 113.5473, Ids.random("usr", cloud.clock().instant()));
    }

    // ---------------------------------------------------------------- callers and contexts

    /** Stores a user with these grants and returns him with a token from the local dev login. */
    Caller user(Set<Grant> grants) {
        String id = Ids.random("usr", cloud.clock().instant());
        users.save(new UserAccount(id, "o-matrix-" + id, null, "矩阵测试" + counter.incrementAndGet(), grants, cloud.clock().instant(), 0));
        return new Caller(id, api.login(id));
    }

    /** A user approved as a volunteer of {@code community}. */
    Caller member(String community, Set<Grant> grants) {
        Caller c = user(grants);
        fx.approve(c.userId(), "党员" + counter.incrementAndGet(), community);
        return c;
    }

    Caller member(String community) {
        return member(community, Set.of(Grant.of(Role.RESIDENT), Grant.of(Role.VOLUNTEER)));
    }

    Caller demo(String handle) {
        return demo.get(handle);
    }

    Caller volunteer() {
        return volunteer;
    }

    Case westCase() {
        return west;
    }

    Case eastCase() {
        return east;
    }

    Standings standings() {
        return standings;
    }

    Principal admin() {
        return admin;
    }

    Ctx ctx(Role role, boolean in) {
        return new Ctx(role, in);
    }

    /** One cell: a role, in or out of its scope. */
    final class Ctx {
        final Role role;
        final boolean in;

        Ctx(Role role, boolean in) {
            this.role = role;
            this.in = in;
        }

        /** The role's user; out of scope, the district's staff is another district's. */
        Caller caller() {
            return switch (role) {
                case RESIDENT -> demo("resident");
                case VOLUNTEER -> volunteer;
                case GRID_WORKER -> demo("worker-DEMO-W1-G1");
                case MICRO_GRID_LEADER -> demo("leader-DEMO-W1-G1-M2");
                case COMMUNITY_STAFF -> demo("dispatcher-DEMO-W1");
                case STREET_STAFF -> demo("street-DEMO-W");
                case DISTRICT_STAFF -> in ? demo("district") : otherDistrict;
                case DEPARTMENT_STAFF -> demo("dept-DEMO-PS-W");
                case ADMIN -> demo("admin");
            };
        }

        /** The demo handle of the caller (the volunteer: a demo volunteer; the other district's staff: none). */
        String handle() {
            return switch (role) {
                case RESIDENT -> "resident";
                case VOLUNTEER -> "volunteer-DEMO-W1-1";
                case GRID_WORKER -> "worker-DEMO-W1-G1";
                case MICRO_GRID_LEADER -> "leader-DEMO-W1-G1-M2";
                case COMMUNITY_STAFF -> "dispatcher-DEMO-W1";
                case STREET_STAFF -> "street-DEMO-W";
                case DISTRICT_STAFF -> "district";
                case DEPARTMENT_STAFF -> "dept-DEMO-PS-W";
                case ADMIN -> "admin";
            };
        }

        /** A new user holding the caller's grants (for routes that act on one's own, fresh, data). */
        Caller fresh() {
            return user(caller() == volunteer ? Set.of(Grant.of(Role.RESIDENT), Grant.of(Role.VOLUNTEER))
                    : users.find(caller().userId()).orElseThrow().grants());
        }

        /** Objects on the west side: in scope (and, for the other district's staff, still the demo district's). */
        boolean west() {
            return in || role == Role.DISTRICT_STAFF;
        }

        String community() {
            return west() ? "DEMO-W1" : "DEMO-E2";
        }

        /** The node the caller works for (in) or an east one (out). */
        String node() {
            return switch (role) {
                case GRID_WORKER -> in ? "DEMO-W1-G1" : "DEMO-E1-G1";
                case MICRO_GRID_LEADER -> in ? "DEMO-W1-G1-M2" : "DEMO-E1-G1-M2";
                case STREET_STAFF -> in ? "DEMO-W" : "DEMO-E";
                case DISTRICT_STAFF -> "DEMO";
                case DEPARTMENT_STAFF -> in ? "DEMO-PS-W" : "DEMO-PS-E";
                default -> in ? "DEMO-W1" : "DEMO-E1";
            };
        }

        Case theCase() {
            if (role == Role.DEPARTMENT_STAFF && in) return police;
            return west() ? west : east;
        }

        /** The resident of this cell's objects: the caller himself when he is the resident in scope. */
        String resident() {
            return role == Role.RESIDENT && in ? caller().userId() : Ids.random("usr", cloud.clock().instant());
        }

        /** The volunteer holding this cell's wish or writing its log: the caller when he is the volunteer in scope. */
        String holder() {
            return role == Role.VOLUNTEER && in ? volunteer.userId() : member(community()).userId();
        }
    }

    // ---------------------------------------------------------------- sending

    int send(AuthorizationMatrixIntegrationTest.Call c) {
        Api.Answer a = api.call(c.method(), c.path(), c.caller().token(), c.body(), c.headers());
        lastProblems.set(a.status() >= 400 ? a.body() : "");
        if (a.status() >= 400 && !inErrorFormat(c.path(), a)) {
            throw new AssertionError(c.method() + " " + c.path() + ": not the path's error format: " + a.body());
        }
        return a.status();
    }

    /** Linli's {"error":{...}}; under /open311/ GeoReport's list of {code, description} (XML for .xml paths). */
    private static boolean inErrorFormat(String path, Api.Answer a) {
        if (!path.startsWith("/open311/")) return a.json() != null && a.json().path("error").isObject();
        String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (plain.endsWith(".xml")) return a.body().contains("<errors><error><code>" + a.status() + "</code>");
        return a.json() != null && a.json().isArray() && a.json().path(0).path("code").asInt() == a.status();
    }

    String lastProblems() {
        String p = lastProblems.get();
        return p.length() > 300 ? p.substring(0, 300) : p;
    }

    // ---------------------------------------------------------------- fixtures

    Case openCase(String category, double lat, double lng, String reporterId) {
        var reports = new DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        Instant now = cloud.clock().instant();
        Report r = Report.received(Ids.random("rpt", now), reporterId, new ReportDraft(category, "矩阵测试",
                new GeoPoint(lat, lng, Datum.GCJ02), null, List.of(), new Contact("测试", "13812341234"), false,
                Source.MINI_PROGRAM), now);
        reports.insertNew(r);
        String answer = cloud.invoke("AssignmentFunction", Events.sqs(cloud.queueArn("AssignmentQueue"), "m-" + r.id(),
                ReportReceivedMessage.encode(ReportReceived.of(r))));
        if (Json.parse(answer).path("batchItemFailures").size() > 0) throw new AssertionError(answer);
        return new Case(reports.find(r.id()).orElseThrow().caseId(), r.id());
    }

    private static Principal principal(String userId) {
        return new Principal(userId, Set.of(Role.RESIDENT), Set.of());
    }

    private String wantedBy() {
        return Times.api(cloud.clock().instant().plus(Duration.ofDays(2)));
    }

    String placeWish(String community, String residentId) {
        String body = "{\"community\":\"" + community + "\",\"title\":\"帮忙买菜\",\"detail\":\"腿脚不便\",\"wantedBy\":\"" + wantedBy()
                + "\",\"place\":\"柳园小区3号楼\",\"contact\":{\"name\":\"王芳\",\"phone\":\"13812341234\"}}";
        return wishes.place(principal(residentId), Json.parse(body), null).wish().id();
    }

    String publishedWish(String community, String residentId) {
        String id = placeWish(community, residentId);
        wishes.review(admin, id, Json.parse("{\"decision\":\"APPROVE\"}"));
        return id;
    }

    String claimedWish(String community, String residentId, String holderId) {
        String id = publishedWish(community, residentId);
        wishes.claim(principal(holderId), id);
        return id;
    }

    String completedWish(String community, String residentId, String holderId) {
        String id = claimedWish(community, residentId, holderId);
        wishes.complete(principal(holderId), id, Json.parse("{\"evidencePhotoKeys\":[\"uploads/m.jpg\"]}"));
        return id;
    }

    /** A PENDING service log by {@code memberId} for {@code beneficiaryId}, on a day of its own. */
    String log(String community, String memberId, String beneficiaryId) {
        // A slot of its own among the world's logs (25 days x 10 half-hours: 250 before one repeats), whatever other
        // fixtures the matrix's threads make meanwhile: one member's logs may not overlap.
        int k = logSlots.getAndIncrement();
        Instant start = localDay(k).atTime(8, 0).plusMinutes(40L * (k / 25 % 10)).atZone(SHANGHAI).toInstant();
        String body = "{\"community\":\"" + community + "\",\"type\":\"other\",\"start\":\"" + Times.api(start) + "\",\"end\":\""
                + Times.api(start.plus(Duration.ofMinutes(30))) + "\",\"beneficiaryId\":\"" + beneficiaryId + "\",\"description\":\"矩阵\"}";
        return logs.record(principal(memberId), Json.parse(body), null).log().id();
    }

    /** One of the last 25 days before today, in Asia/Shanghai (service is logged within a day, at most 31 days back). */
    private java.time.LocalDate localDay(int k) {
        return LocalDate.ofInstant(cloud.clock().instant(), SHANGHAI).minusDays(1 + k % 25);
    }

    String verifiedLog(String community, String memberId, String beneficiaryId) {
        String id = log(community, memberId, beneficiaryId);
        logs.verify(admin, id, Json.parse("{\"decision\":\"VERIFY\"}"));
        return id;
    }

    String pendingRegistration(String community) {
        Caller c = user(Set.of(Grant.of(Role.RESIDENT)));
        new org.linli.volunteer.membership.Memberships(ports.members(), ports.communities(), cloud.clock()).register(c.userId(),
                Json.parse("{\"community\":\"" + community + "\",\"name\":\"申请人\",\"phone\":\"13700002222\",\"partyOrganisation\":\"第一党支部\"}"));
        return c.userId();
    }

    private final Map<String, String> drafted = new java.util.concurrent.ConcurrentHashMap<>();

    /** The draft grade sheet of DRAFT_YEAR, computed once per community with a member of its own; returns the member. */
    String draftWithMember(String community) {
        return drafted.computeIfAbsent(community, c -> {
            String m = member(c).userId();
            standings.compute(admin, c, DRAFT_YEAR);
            return m;
        });
    }

    String notification(String userId) {
        Instant now = cloud.clock().instant();
        String id = Ids.derivedAt("ntf", now, "matrix-" + counter.incrementAndGet(), userId);
        new DynamoNotificationStore(cloud.dynamo(), cloud.tableName("NotificationsTable")).add(new Notification(id, userId,
                "case.assigned", "新案件", west.caseId(), "sanitation", "ASSIGNED", "evt_matrix", now, null));
        return id;
    }

    String importJob(Caller creator) {
        Api.Answer a = api.post("/territory/imports", creator.token(), "{\"note\":\"matrix\"}");
        if (a.status() != 201) throw new AssertionError("import job: " + a.body());
        return a.json().path("jobId").asText();
    }

    private String code() {
        return "matrix_" + counter.incrementAndGet() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private JsonNode login(String code) {
        return api.post("/auth/wechat-login", null, "{\"code\":\"" + code + "\"}").json();
    }

    private static final int THIS_YEAR = YearMonth.from(LinliCloud.now().atZone(SHANGHAI)).getYear();
    /** A year whose draft is recomputed and read but never published. */
    static final int DRAFT_YEAR = 2000;

    // ---------------------------------------------------------------- one request per route

    Map<String, Function<Ctx, AuthorizationMatrixIntegrationTest.Call>> scenarios() {
        Map<String, Function<Ctx, AuthorizationMatrixIntegrationTest.Call>> s = new HashMap<>();
        // auth
        s.put("POST /auth/wechat-login", x -> post("/auth/wechat-login", "{\"code\":\"" + code() + "\"}", x.caller()));
        // The console's QR sign-in: in, WeChat's code for the caller (his unionid is linked to his account when staff);
        // out, a code for a person no account is linked to.
        s.put("POST /auth/wechat-web-login", x -> post("/auth/wechat-web-login", "{\"code\":\"web_" + (x.in ? x.handle()
                : "stranger-" + counter.incrementAndGet()) + "_" + counter.incrementAndGet() + "\",\"state\":\"s\"}", x.caller()));
        s.put("POST /auth/refresh", x -> {
            String refresh = login(code()).path("refreshToken").asText();
            if (!x.in) api.post("/auth/refresh", null, "{\"refreshToken\":\"" + refresh + "\"}"); // used once already
            return post("/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}", x.caller());
        });
        s.put("GET /me", x -> get("/me", x.caller()));
        // administration
        s.put("GET /admin/users", x -> get("/admin/users?role=" + (x.west() ? "COMMUNITY_STAFF" : "GRID_WORKER") + "&limit=5", x.caller()));
        s.put("GET /admin/users/{userId}", x -> get("/admin/users/" + (x.in ? x.caller().userId() : demo("resident2").userId()),
                x.caller()));
        s.put("POST /admin/users/{userId}/grants", x -> post("/admin/users/" + user(Set.of(Grant.of(Role.RESIDENT))).userId()
                + "/grants", "{\"role\":\"COMMUNITY_STAFF\",\"nodes\":[\"" + (x.west() ? "DEMO-W1" : "DEMO-E1") + "\"],\"reason\":\"矩阵\"}",
                x.caller()));
        s.put("POST /admin/users/{userId}/revocations", x -> post("/admin/users/" + user(Set.of(Grant.of(Role.RESIDENT),
                new Grant(Role.COMMUNITY_STAFF, x.west() ? "DEMO-W1" : "DEMO-E1"))).userId() + "/revocations",
                "{\"role\":\"COMMUNITY_STAFF\",\"reason\":\"矩阵\"}", x.caller()));
        s.put("POST /admin/users/{userId}/disable", x -> post("/admin/users/" + user(Set.of(Grant.of(Role.RESIDENT),
                new Grant(Role.COMMUNITY_STAFF, x.west() ? "DEMO-W1" : "DEMO-E1"))).userId() + "/disable",
                "{\"reason\":\"矩阵\"}", x.caller()));
        // reports and cases
        s.put("POST /reports", x -> {
            int n = counter.incrementAndGet();
            double lat = 37.8420 + (n % 12) * 0.0011;
            double lng = (x.west() ? 113.5610 : 113.5910) + (n / 12 % 8) * 0.0010;
            return post("/reports", "{\"category\":\"leak\",\"description\":\"矩阵测试\",\"location\":{\"lat\":" + lat + ",\"lng\":"
                    + lng + ",\"datum\":\"GCJ02\"},\"contact\":{\"phone\":\"13812341234\"}}", x.fresh());
        });
        s.put("GET /reports/{reportId}", x -> get("/reports/" + x.theCase().reportId(), x.caller()));
        s.put("GET /me/reports", x -> get("/me/reports", x.caller()));
        s.put("GET /cases/{caseId}", x -> get("/cases/" + x.theCase().caseId(), x.caller()));
        s.put("GET /cases/{caseId}/audit", x -> get("/cases/" + x.theCase().caseId() + "/audit", x.caller()));
        s.put("POST /cases/{caseId}/actions/{action}", x -> new AuthorizationMatrixIntegrationTest.Call("POST",
                "/cases/" + x.theCase().caseId() + "/actions/add-note", "{\"note\":\"矩阵测试\"}", x.caller(),
                Map.of("Content-Type", "application/json", "Idempotency-Key", "matrix-" + UUID.randomUUID())));
        // privacy (PIPL): the reveal is for the staff handling the case; the reveals list for staff who see the case
        s.put("POST /cases/{caseId}/contact-reveals", x -> new AuthorizationMatrixIntegrationTest.Call("POST",
                "/cases/" + x.theCase().caseId() + "/contact-reveals", "{\"reportId\":\"" + x.theCase().reportId()
                + "\",\"reason\":\"矩阵测试\"}", x.caller(), Map.of("Content-Type", "application/json", "Idempotency-Key", "matrix-" + UUID.randomUUID())));
        s.put("GET /cases/{caseId}/contact-reveals", x -> get("/cases/" + x.theCase().caseId() + "/contact-reveals", x.caller()));
        s.put("GET /admin/access-log", x -> get("/admin/access-log?subject=report:" + x.theCase().reportId(), x.caller()));
        // Erasure erases the caller: a new resident each time, whatever the row's role (the route is one's own).
        s.put("DELETE /me", x -> new AuthorizationMatrixIntegrationTest.Call("DELETE", "/me", null, user(Set.of(Grant.of(Role.RESIDENT))),
                Map.of()));
        s.put("POST /admin/users/{userId}/erasure", x -> post("/admin/users/" + user(Set.of(Grant.of(Role.RESIDENT))).userId()
                + "/erasure", "{\"reason\":\"矩阵\"}", x.caller()));
        s.put("GET /cases", x -> get("/cases?unit=" + x.node(), x.caller()));
        s.put("GET /me/cases", x -> get("/me/cases", x.caller()));
        s.put("GET /dispatch/{nodeCode}/unassigned", x -> get("/dispatch/" + x.node() + "/unassigned", x.caller()));
        s.put("GET /supervision/{nodeCode}/overdue", x -> get("/supervision/" + x.node() + "/overdue", x.caller()));
        s.put("GET /departments/{departmentCode}/tasks", x -> get("/departments/" + x.node() + "/tasks", x.caller()));
        // notifications
        s.put("GET /me/notifications", x -> get("/me/notifications", x.caller()));
        s.put("POST /me/notifications/{notificationId}/read", x -> post("/me/notifications/"
                + notification(x.in ? x.caller().userId() : demo("resident2").userId()) + "/read", "{}", x.caller()));
        // volunteers and service logs
        s.put("POST /volunteers", x -> post("/volunteers", "{\"community\":\"" + x.community()
                + "\",\"name\":\"矩阵\",\"phone\":\"13700003333\",\"partyOrganisation\":\"第一党支部\"}", x.fresh()));
        s.put("GET /me/volunteer", x -> get("/me/volunteer", x.role == Role.VOLUNTEER ? x.caller() : x.fresh()));
        s.put("GET /communities/{code}/volunteers", x -> get("/communities/" + x.community() + "/volunteers", x.caller()));
        s.put("POST /volunteers/{memberId}/decision", x -> post("/volunteers/" + pendingRegistration(x.community()) + "/decision",
                "{\"decision\":\"APPROVE\"}", x.caller()));
        s.put("POST /volunteers/{memberId}/appraisals", x -> post("/volunteers/" + member(x.community()).userId() + "/appraisals",
                "{\"year\":" + THIS_YEAR + ",\"score\":5}", x.caller()));
        s.put("GET /me/points", x -> get("/me/points", x.caller()));
        s.put("POST /service-logs", x -> {
            Instant start = localDay(counter.incrementAndGet()).atTime(16, 0).atZone(SHANGHAI).toInstant();
            return post("/service-logs", "{\"community\":\"" + x.community() + "\",\"type\":\"other\",\"start\":\"" + Times.api(start)
                    + "\",\"end\":\"" + Times.api(start.plus(Duration.ofMinutes(20))) + "\",\"beneficiaryId\":\""
                    + Ids.random("usr", cloud.clock().instant()) + "\"}", x.caller());
        });
        s.put("GET /me/service-logs", x -> get("/me/service-logs", x.caller()));
        s.put("GET /me/received-services", x -> get("/me/received-services", x.caller()));
        s.put("GET /service-logs/{logId}", x -> get("/service-logs/" + log(x.community(), x.holder(), x.resident()), x.caller()));
        s.put("POST /service-logs/{logId}/verification", x -> post("/service-logs/" + log(x.community(), x.holder(), x.resident())
                + "/verification", "{\"decision\":\"VERIFY\"}", x.caller()));
        s.put("POST /service-logs/{logId}/rating", x -> post("/service-logs/" + verifiedLog(x.community(), x.holder(), x.resident())
                + "/rating", "{\"score\":5}", x.caller()));
        s.put("GET /communities/{code}/service-logs", x -> get("/communities/" + x.community() + "/service-logs", x.caller()));
        // wishes
        s.put("POST /wishes", x -> post("/wishes", "{\"community\":\"" + x.community() + "\",\"title\":\"帮忙\",\"detail\":\"矩阵\","
                + "\"wantedBy\":\"" + wantedBy() + "\",\"place\":\"柳园小区\",\"contact\":{\"phone\":\"13812341234\"}}", x.fresh()));
        s.put("GET /wishes/{wishId}", x -> get("/wishes/" + publishedWish(x.community(), x.resident()), x.caller()));
        s.put("GET /me/wishes", x -> get("/me/wishes", x.caller()));
        s.put("GET /me/claims", x -> get("/me/claims", x.caller()));
        s.put("GET /communities/{code}/wishes", x -> get("/communities/" + x.community() + "/wishes", x.caller()));
        s.put("POST /wishes/{wishId}/review", x -> post("/wishes/" + placeWish(x.community(), x.resident()) + "/review",
                "{\"decision\":\"APPROVE\"}", x.caller()));
        s.put("POST /wishes/{wishId}/claim", x -> post("/wishes/" + publishedWish(x.community(), x.resident()) + "/claim", "{}",
                x.caller()));
        s.put("POST /wishes/{wishId}/completion", x -> post("/wishes/" + claimedWish(x.community(), x.resident(), x.holder())
                + "/completion", "{\"evidencePhotoKeys\":" + Photos.keys(cloud, x.caller().userId()) + "}", x.caller()));
        // photos: a grant for anyone; the state of one's own photo (another's: not found, administrators included)
        s.put("POST /uploads", x -> post("/uploads", "{\"purpose\":\"REPORT\",\"contentType\":\"image/jpeg\",\"size\":2048}",
                x.caller()));
        s.put("GET /uploads/{photoKey}", x -> get("/uploads/" + Photos.validated(cloud, x.in ? x.caller().userId()
                : demo("resident2").userId()), x.caller()));
        s.put("POST /wishes/{wishId}/confirmation", x -> post("/wishes/" + completedWish(x.community(), x.resident(), x.holder())
                + "/confirmation", "{\"score\":5}", x.caller()));
        s.put("POST /wishes/{wishId}/release", x -> post("/wishes/" + claimedWish(x.community(), x.resident(), x.holder())
                + "/release", "{\"reason\":\"矩阵\"}", x.caller()));
        s.put("POST /wishes/{wishId}/reassign", x -> {
            String id = claimedWish(x.community(), x.resident(), x.holder());
            return post("/wishes/" + id + "/reassign", "{\"memberId\":\"" + member(x.community()).userId() + "\",\"reason\":\"矩阵\"}",
                    x.caller());
        });
        s.put("GET /communities/{code}/feed", x -> get("/communities/" + x.community() + "/feed", x.caller()));
        // grading
        s.put("POST /communities/{code}/assessments", x -> post("/communities/" + x.community() + "/assessments", "{\"memberId\":\""
                + member(x.community()).userId() + "\",\"year\":" + THIS_YEAR + ",\"score\":80}", x.caller()));
        s.put("POST /communities/{code}/grades/{year}", x -> post("/communities/" + x.community() + "/grades/" + DRAFT_YEAR, "{}",
                x.caller()));
        s.put("GET /communities/{code}/grades/{year}", x -> {
            draftWithMember(x.community());
            return get("/communities/" + x.community() + "/grades/" + DRAFT_YEAR, x.caller());
        });
        s.put("POST /communities/{code}/grades/{year}/adjustments", x -> post("/communities/" + x.community() + "/grades/" + DRAFT_YEAR
                + "/adjustments", "{\"memberId\":\"" + draftWithMember(x.community())
                + "\",\"grade\":\"QUALIFIED\",\"reason\":\"矩阵\"}", x.caller()));
        s.put("POST /communities/{code}/grades/{year}/publish", x -> {
            int year = publishYears.getAndIncrement();
            standings.compute(admin, x.community(), year);
            return post("/communities/" + x.community() + "/grades/" + year + "/publish", "{}", x.caller());
        });
        s.put("GET /communities/{code}/leaderboard", x -> get("/communities/" + x.community() + "/leaderboard", x.caller()));
        s.put("GET /communities/{code}/stars/{month}", x -> get("/communities/" + x.community() + "/stars/"
                + YearMonth.from(cloud.clock().instant().atZone(SHANGHAI)).minusMonths(1), x.caller()));
        // territory
        s.put("GET /territory/nodes/{code}", x -> get("/territory/nodes/" + x.community(), x.caller()));
        s.put("GET /territory/nodes/{code}/buildings", x -> get("/territory/nodes/" + x.community() + "-X1/buildings", x.caller()));
        s.put("GET /territory/locate", x -> get("/territory/locate?lat=37.8532&lng=" + (x.west() ? "113.5487" : "113.5787")
                + "&datum=GCJ02", x.caller()));
        s.put("GET /territory/versions", x -> get("/territory/versions", x.caller()));
        s.put("GET /territory/departments", x -> get("/territory/departments", x.caller()));
        s.put("POST /territory/imports", x -> post("/territory/imports", "{\"note\":\"矩阵\"}", x.caller()));
        s.put("PUT /territory/imports/{jobId}/parts/{partId}", x -> new AuthorizationMatrixIntegrationTest.Call("PUT",
                "/territory/imports/" + importJob(x.in && importer(x) ? x.caller() : demo("district")) + "/parts/rosters-0001",
                "{\"csv\":\"node,userId,name,phone,role,duty\\n\"}", x.caller(), Map.of("Content-Type", "application/json")));
        s.put("POST /territory/imports/{jobId}/commit", x -> post("/territory/imports/"
                + importJob(x.in && importer(x) ? x.caller() : demo("district")) + "/commit", "{}", x.caller()));
        s.put("GET /territory/imports/{jobId}", x -> get("/territory/imports/"
                + importJob(x.in && importer(x) ? x.caller() : demo("district")), x.caller()));
        // KPIs, patrols, summaries
        s.put("GET /kpis/{unit}", x -> get("/kpis/" + x.node(), x.caller()));
        s.put("GET /kpis/{unit}/ranking", x -> get("/kpis/" + x.node() + "/ranking", x.caller()));
        s.put("GET /kpis/{unit}/months", x -> get("/kpis/" + x.node() + "/months", x.caller()));
        s.put("POST /kpis/recompute", x -> post("/kpis/recompute", "{\"month\":\"" + YearMonth.from(cloud.clock().instant().atZone(SHANGHAI)) + "\"}", x.caller()));
        s.put("POST /patrols", x -> post("/patrols", patrolBody(x.west()), x.caller()));
        s.put("GET /patrols/{patrolId}", x -> get("/patrols/" + patrol(x.west()), x.caller()));
        s.put("GET /me/patrols", x -> get("/me/patrols", x.caller()));
        s.put("GET /communities/{code}/summaries", x -> get("/communities/" + x.community() + "/summaries", x.caller()));
        // registers (docs/registers.md): a west household in DEMO-W1-G1-M2 bound to the matrix volunteer, an east one in DEMO-E2
        s.put("GET /communities/{code}/households", x -> {
            household(true); // the volunteer's binding exists before his cell
            return get("/communities/" + x.community() + "/households", x.caller());
        });
        s.put("POST /communities/{code}/households", x -> post("/communities/" + x.community() + "/households",
                householdBody(x.community()), x.caller()));
        s.put("GET /communities/{code}/households/{householdId}", x -> get("/communities/" + x.community() + "/households/"
                + household(x.west()), x.caller()));
        // The one cell that binds binds a spare household: the west one stays bound to the volunteer.
        s.put("POST /communities/{code}/households/{householdId}/binding", x -> post("/communities/" + x.community() + "/households/"
                + (x.role == Role.COMMUNITY_STAFF && x.in ? spareHousehold() : household(x.west()))
                + "/binding", "{\"userId\":\"" + volunteer.userId() + "\"}", x.caller()));
        s.put("GET /me/households", x -> get("/me/households", x.caller()));
        s.put("POST /communities/{code}/household-imports", x -> post("/communities/" + x.community() + "/household-imports",
                "{\"dryRun\":true,\"csv\":\"户号,楼栋,姓名,身份证号\\n1,DEMO-W1-G1-M2-B1,王五,11010519491231002X\\n\"}", x.caller()));
        s.put("GET /communities/{code}/household-imports/{jobId}", x -> get("/communities/" + x.community() + "/household-imports/"
                + ledgerJob(), x.caller()));
        s.put("GET /communities/{code}/household-ledger", x -> get("/communities/" + x.community() + "/household-ledger", x.caller()));
        s.put("POST /communities/{code}/households/{householdId}/visits", x -> post("/communities/" + x.community() + "/households/"
                + household(x.west()) + "/visits", "{\"visitedAt\":\"" + Times.api(cloud.clock().instant().minusSeconds(600))
                + "\",\"note\":\"矩阵走访\"}", x.caller()));
        s.put("GET /me/visits-due", x -> get("/me/visits-due", x.caller()));
        s.put("GET /communities/{code}/visit-supervision", x -> get("/communities/" + x.community() + "/visit-supervision", x.caller()));
        s.put("POST /communities/{code}/visit-recompute", x -> post("/communities/" + x.community() + "/visit-recompute",
                "{\"month\":\"" + YearMonth.from(cloud.clock().instant().atZone(SHANGHAI)) + "\"}", x.caller()));
        s.put("GET /communities/{code}/summaries/{month}", x -> {
            storeSummaries();
            return get("/communities/" + x.community() + "/summaries/" + SUMMARY_MONTH, x.caller());
        });
        // organisations (双报到 of units) and 议事协商: fresh objects made by an administrator, in the cell's community
        s.put("POST /communities/{code}/organisations", x -> post("/communities/" + x.community() + "/organisations",
                organisationBody(), x.caller()));
        s.put("GET /communities/{code}/organisations", x -> {
            organisation(x.community());
            return get("/communities/" + x.community() + "/organisations", x.caller());
        });
        s.put("PUT /communities/{code}/organisations/{organisationId}", x -> new AuthorizationMatrixIntegrationTest.Call("PUT",
                "/communities/" + x.community() + "/organisations/" + organisation(x.community()),
                organisationBody().replace("{\"kind\"", "{\"version\":1,\"kind\""), x.caller(), Map.of("Content-Type", "application/json")));
        s.put("POST /communities/{code}/organisations/{organisationId}/members", x -> post("/communities/" + x.community()
                + "/organisations/" + organisation(x.community()) + "/members", "{\"memberId\":\"" + member(x.community()).userId()
                + "\"}", x.caller()));
        s.put("POST /consultations", x -> post("/consultations", consultationBody("\"caseId\":\"" + (x.west() ? west : east).caseId()
                + "\""), x.caller()));
        s.put("GET /consultations/{consultationId}", x -> get("/consultations/" + consultation(x.community(), 0), x.caller()));
        s.put("POST /consultations/{consultationId}/notices", x -> post("/consultations/" + consultation(x.community(), 0)
                + "/notices", "{}", x.caller()));
        s.put("POST /consultations/{consultationId}/attendance", x -> post("/consultations/" + consultation(x.community(), 1)
                + "/attendance", "{\"present\":[\"p1\",\"p2\"]}", x.caller()));
        s.put("POST /consultations/{consultationId}/decision", x -> post("/consultations/" + consultation(x.community(), 2)
                + "/decision", "{\"chosen\":1,\"votes\":[2,0],\"abstained\":0,\"summary\":\"划线收费，收入用于小区维护\","
                + "\"minutes\":\"业委会主任发言。\"}", x.caller()));
        s.put("POST /consultations/{consultationId}/cancellation", x -> post("/consultations/" + consultation(x.community(), 0)
                + "/cancellation", "{\"reason\":\"改期另议\"}", x.caller()));
        s.put("GET /communities/{code}/consultations", x -> get("/communities/" + x.community() + "/consultations", x.caller()));
        s.put("GET /communities/{code}/decisions", x -> get("/communities/" + x.community() + "/decisions", x.caller()));
        // Open311: the caller's token comes along and changes nothing
        s.put("POST /hotline/orders", x -> {
            String body = org.linli.tools.HotlineClient.order("MX" + System.nanoTime(), "环境卫生", 37.8470, 113.5790);
            Map<String, String> headers = new java.util.HashMap<>(org.linli.tools.HotlineClient.headers(
                    x.in ? org.linli.tools.LocalSetup.HOTLINE_KEY : "not-the-shared-key", body, cloud.clock().instant()));
            return new AuthorizationMatrixIntegrationTest.Call("POST", "/hotline/orders", body, x.caller(), headers);
        });
        s.put("GET /open311/discovery.json", x -> get("/open311/discovery.json", x.caller()));
        s.put("GET /open311/discovery.xml", x -> get("/open311/discovery.xml", x.caller()));
        s.put("GET /open311/v2/services.json", x -> get("/open311/v2/services.json", x.caller()));
        s.put("GET /open311/v2/services.xml", x -> get("/open311/v2/services.xml", x.caller()));
        s.put("GET /open311/v2/services/{serviceCode}", x -> get("/open311/v2/services/sanitation.json", x.caller()));
        s.put("POST /open311/v2/requests.json", x -> AuthorizationMatrixIntegrationTest.Call.form("/open311/v2/requests.json",
                open311Form(x.in), x.caller()));
        s.put("POST /open311/v2/requests.xml", x -> AuthorizationMatrixIntegrationTest.Call.form("/open311/v2/requests.xml",
                open311Form(x.in), x.caller()));
        s.put("GET /open311/v2/requests.json", x -> get("/open311/v2/requests.json?status=open", x.caller()));
        s.put("GET /open311/v2/requests.xml", x -> get("/open311/v2/requests.xml?status=open", x.caller()));
        s.put("GET /open311/v2/requests/{requestId}", x -> get("/open311/v2/requests/" + (x.west() ? west : east).caseId() + ".json",
                x.caller()));
        s.put("GET /open311/v2/tokens/{token}", x -> get("/open311/v2/tokens/" + (x.in ? open311Token() : west.reportId()) + ".json",
                x.caller()));
        return s;
    }

    private final Map<Boolean, String> patrols = new java.util.concurrent.ConcurrentHashMap<>();

    /** A visit logged by an administrator to the micro-grid M2 of DEMO-W1-G1 (west) or DEMO-E1-G1 (east). */
    String patrol(boolean west) {
        return patrols.computeIfAbsent(west, w -> {
            Api.Answer a = api.post("/patrols", demo("admin").token(), patrolBody(w));
            if (a.status() != 201) throw new AssertionError("patrol: " + a.body());
            return a.json().path("patrolId").asText();
        });
    }

    private String patrolBody(boolean west) {
        return "{\"place\":{\"microGrid\":\"" + (west ? "DEMO-W1-G1-M2" : "DEMO-E1-G1-M2") + "\"},\"visitedAt\":\""
                + Times.api(cloud.clock().instant().minus(Duration.ofMinutes(5))) + "\",\"note\":\"矩阵巡查\"}";
    }

    /** A month whose summary is stored for DEMO-W1 and DEMO-E2 (a year no cycle computes). */
    static final YearMonth SUMMARY_MONTH = YearMonth.of(2000, 6);

    private boolean summariesStored;

    synchronized void storeSummaries() {
        if (summariesStored) return;
        var store = new org.linli.adapters.dynamo.cycle.DynamoCycleStore(cloud.dynamo(), cloud.tableName("CycleTable"));
        for (String c : List.of("DEMO-W1", "DEMO-E2")) {
            store.keep(new org.linli.cycle.MonthlySummary(c, SUMMARY_MONTH, 3, 3, 2, 1, 4, 3, 1, 2, cloud.clock().instant()));
        }
        summariesStored = true;
    }

    private static String organisationBody() {
        return "{\"kind\":\"UNIT\",\"name\":\"市供电公司第三党支部\",\"contact\":{\"name\":\"赵建国\",\"phone\":\"13912345678\"},"
                + "\"address\":\"柳园路1号\"}";
    }

    /** A new organisation of {@code community}, registered by an administrator. */
    String organisation(String community) {
        Api.Answer a = api.post("/communities/" + community + "/organisations", demo("admin").token(), organisationBody());
        if (a.status() != 201) throw new AssertionError("organisation: " + a.body());
        return a.json().path("organisationId").asText();
    }

    /** A consultation's body: on a case ({@code "caseId":…}) or a community's topic ({@code "community":…}). */
    String consultationBody(String about) {
        return "{" + about + ",\"topic\":\"小区停车位规划\",\"place\":\"社区议事厅\",\"meetingAt\":\""
                + Times.api(cloud.clock().instant().plus(Duration.ofDays(2))) + "\",\"options\":[\"划线收费\",\"维持现状\"],"
                + "\"participants\":[{\"kind\":\"RESIDENT_REPRESENTATIVE\",\"name\":\"王芳\",\"userId\":\""
                + demo("resident").userId() + "\"},{\"kind\":\"OWNERS_COMMITTEE\",\"name\":\"业委会主任\"}]}";
    }

    /** A new consultation on a topic of {@code community}, taken by an administrator to stage 0 (open), 1 (notified) or 2 (met). */
    String consultation(String community, int stage) {
        String admin = demo("admin").token();
        Api.Answer a = api.post("/consultations", admin, consultationBody("\"community\":\"" + community + "\""));
        if (a.status() != 201) throw new AssertionError("consultation: " + a.body());
        String id = a.json().path("consultationId").asText();
        if (stage >= 1 && api.post("/consultations/" + id + "/notices", admin, "{}").status() != 200) throw new AssertionError("notices");
        if (stage >= 2 && api.post("/consultations/" + id + "/attendance", admin, "{\"present\":[\"p1\",\"p2\"]}").status() != 200) {
            throw new AssertionError("attendance");
        }
        return id;
    }

    /** An Open311 request form: the west key (西城街道), a point of the west or the east in WGS-84. */
    private static String open311Form(boolean west) {
        GeoPoint p = new GeoPoint(37.8532, west ? 113.5487 : 113.5787, Datum.GCJ02).in(Datum.WGS84);
        return "api_key=" + org.linli.tools.OpenKeys.DEMO_KEY_WEST + "&service_code=sanitation&lat=" + p.lat() + "&long=" + p.lng()
                + "&description=" + java.net.URLEncoder.encode("矩阵测试", java.nio.charset.StandardCharsets.UTF_8);
    }

    private String open311Token;

    /** The token of a request filed through Open311; a mini-program report's id is no token (404: not disclosed there). */
    synchronized String open311Token() {
        if (open311Token == null) {
            Api.Answer a = api.call("POST", "/open311/v2/requests.json", null, open311Form(true),
                    Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"));
            if (a.status() != 200) throw new AssertionError("open311 request: " + a.body());
            open311Token = org.linli.core.Ids.rebrand(a.json().path(0).path("service_request_id").asText(), "rpt");
        }
        return open311Token;
    }

    private static boolean importer(Ctx x) {
        return x.role == Role.ADMIN || x.role == Role.DISTRICT_STAFF;
    }

    private String westHousehold;
    private String eastHousehold;
    private String ledgerJob;
    private String spareHousehold;

    private synchronized String spareHousehold() {
        if (spareHousehold == null) spareHousehold = newHousehold("dispatcher-DEMO-W1", "DEMO-W1");
        return spareHousehold;
    }

    private static String householdBody(String community) {
        return "{\"buildingCode\":\"" + community + "-G1-M2-B1\",\"members\":[{\"name\":\"王五\",\"idNumber\":\"11010519491231002X\"}],"
                + "\"careCategories\":[\"独居/空巢老人\"]}";
    }

    /** A new household of {@code community}, created by its staff {@code keeper} through the API. */
    private String newHousehold(String keeper, String community) {
        Api.Answer a = api.post("/communities/" + community + "/households", api.login(keeper), householdBody(community));
        if (a.status() != 201) throw new IllegalStateException("matrix household: " + a.body());
        return a.json().path("householdId").asText();
    }

    /** The west household (bound to the matrix volunteer) or the east one (DEMO-E2, bound to nobody). */
    private synchronized String household(boolean west) {
        if (westHousehold == null) {
            westHousehold = newHousehold("dispatcher-DEMO-W1", "DEMO-W1");
            Api.Answer b = api.post("/communities/DEMO-W1/households/" + westHousehold + "/binding", demo("dispatcher-DEMO-W1").token(),
                    "{\"userId\":\"" + volunteer.userId() + "\"}");
            if (b.status() != 200) throw new IllegalStateException("matrix binding: " + b.body());
            eastHousehold = newHousehold("dispatcher-DEMO-E2", "DEMO-E2");
        }
        return west ? westHousehold : eastHousehold;
    }

    /** A dry-run ledger import by DEMO-W1's staff. */
    private synchronized String ledgerJob() {
        if (ledgerJob == null) {
            household(true); // the volunteer's binding exists before any cell reads
            Api.Answer a = api.post("/communities/DEMO-W1/household-imports", demo("dispatcher-DEMO-W1").token(),
                    "{\"dryRun\":true,\"csv\":\"户号,楼栋,姓名,身份证号\\n1,DEMO-W1-G1-M2-B1,王五,11010519491231002X\\n\"}");
            if (a.status() != 202) throw new IllegalStateException("matrix ledger: " + a.body());
            ledgerJob = a.json().path("jobId").asText();
        }
        return ledgerJob;
    }

    private static AuthorizationMatrixIntegrationTest.Call get(String path, Caller c) {
        return AuthorizationMatrixIntegrationTest.Call.get(path, c);
    }

    private static AuthorizationMatrixIntegrationTest.Call post(String path, String body, Caller c) {
        return AuthorizationMatrixIntegrationTest.Call.post(path, body, c);
    }
}
