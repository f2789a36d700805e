package org.linli.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import org.linli.adapters.dynamo.territory.DynamoDepartmentDirectory;
import org.linli.adapters.dynamo.territory.DynamoTerritoryRepository;
import org.linli.adapters.dynamo.users.DynamoUserStore;
import org.linli.adapters.dynamo.volunteer.DynamoMemberStore;
import org.linli.cases.Department;
import org.linli.identity.AccessTokens;
import org.linli.identity.TokenKeys;
import org.linli.identity.UserAccount;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.local.LocalCustomizer;
import org.linli.local.gateway.LocalRequest;
import org.linli.local.gateway.LocalResponse;
import org.linli.territory.MapInfo;
import org.linli.territory.MapPublisher;
import org.linli.territory.Roster;

/**
 * What makes the local cloud Linli's: the secrets the template references (a fresh token key
 * pair, the fake WeChat app's and SMS account's credentials), the fake WeChat server as WeChat's
 * base URL, the fake SMS server as Tencent Cloud SMS's endpoint, the fake hotline server as the
 * 12345 platform's status endpoint, the
 * demo territory and users, and the local-only dev login. Loaded by Main through ServiceLoader.
 */
public final class LocalSetup implements LocalCustomizer {
    public static final String TOKEN_KEYS_SECRET = "linli/token-keys";
    public static final String WECHAT_SECRET = "linli/wechat";
    public static final String HOTLINE_SECRET = "linli/hotline";
    public static final String SMS_SECRET = "linli/sms";
    /** The key the local cloud shares with a (test's) hotline platform; deployed, a secret only the two sides know. */
    public static final String HOTLINE_KEY = "local-hotline-shared-key";
    private static final String ISSUER = "linli";

    private final TokenKeys keys;
    private FakeWeChatServer wechat;
    private FakeSmsServer sms;
    private FakeHotlineServer hotline;
    private DemoTerritory demo;
    private DemoVolunteers volunteers;
    /** Every demo user by handle: the territory's and the volunteers'. */
    private final Map<String, UserAccount> handles = new java.util.LinkedHashMap<>();
    private MapInfo publishedMap;
    private Clock clock = Clock.systemUTC();

    public LocalSetup() {
        this(TokenKeys.generate("local"));
    }

    /**
     * With the signing keys of another local cloud in the same JVM: its functions share one Secrets
     * Manager client per process (pointed at the first cloud), so a second cloud must sign with the
     * same keys for its tokens to pass its own authorizer.
     */
    public LocalSetup(TokenKeys keys) {
        this.keys = keys;
    }

    public TokenKeys tokenKeys() {
        return keys;
    }

    @Override
    public void beforeProvision(LocalCloud.Setup setup) {
        try {
            wechat = new FakeWeChatServer(0);
            sms = new FakeSmsServer(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake WeChat or SMS server", e);
        }
        setup.putSecret(TOKEN_KEYS_SECRET, keys.toSecretJson());
        setup.putSecret(WECHAT_SECRET, Json.write(Json.object()
                .put("appId", FakeWeChatServer.APP_ID).put("appSecret", FakeWeChatServer.APP_SECRET)
                .put("webAppId", FakeWeChatServer.WEB_APP_ID).put("webAppSecret", FakeWeChatServer.WEB_APP_SECRET)));
        setup.parameter("Stage", "local");
        setup.parameter("TokenKeysSecretName", TOKEN_KEYS_SECRET);
        setup.parameter("WeChatSecretName", WECHAT_SECRET);
        setup.putSecret(HOTLINE_SECRET, HOTLINE_KEY);
        setup.parameter("HotlineSecretName", HOTLINE_SECRET);
        try {
            // Checks the signatures' window on the cloud's clock (known once provisioned), not the machine's.
            hotline = new FakeHotlineServer(0, HOTLINE_KEY, new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return clock.getZone();
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return clock.withZone(zone);
                }

                @Override
                public java.time.Instant instant() {
                    return clock.instant();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake hotline server", e);
        }
        setup.parameter("HotlinePlatformUrl", hotline.url());
        setup.parameter("TokenIssuer", ISSUER);
        setup.parameter("WeChatApiBaseUrl", wechat.baseUrl());
        // Tencent Cloud SMS: the fake server's key pair, application, sign and templates (docs/sms.md).
        setup.putSecret(SMS_SECRET, Json.write(Json.object()
                .put("secretId", FakeSmsServer.SECRET_ID).put("secretKey", FakeSmsServer.SECRET_KEY)));
        setup.parameter("SmsSecretName", SMS_SECRET);
        setup.parameter("SmsApiEndpoint", sms.baseUrl());
        setup.parameter("SmsSdkAppId", FakeSmsServer.SDK_APP_ID);
        setup.parameter("SmsSignName", FakeSmsServer.SIGN_NAME);
        setup.parameter("SmsTemplateCaseAccepted", FakeSmsServer.TEMPLATE_ACCEPTED);
        setup.parameter("SmsTemplateCaseFedBack", FakeSmsServer.TEMPLATE_FED_BACK);
        setup.parameter("SmsTemplateCaseClosed", FakeSmsServer.TEMPLATE_CLOSED);
        // Locally a map imported a moment ago should name the next case at once (deployed: 30 s).
        if (!setup.parameters().containsKey("MapCacheSeconds")) setup.parameter("MapCacheSeconds", "2");
    }

    @Override
    public void afterProvision(LocalCloud cloud) {
        clock = cloud.clock(); // the cloud's time: demo data, this month's plan and dev tokens agree with the functions
        sms.clock(clock::instant); // the fake judges a request's timestamp by the functions' time
        demo = DemoTerritory.create(clock.instant());
        volunteers = DemoVolunteers.create(demo, clock.instant());
        handles.putAll(demo.users());
        handles.putAll(volunteers.users());
        var users = new DynamoUserStore(cloud.dynamo(), cloud.tableName("UsersTable"));
        if (cloud.seed()) {
            var repository = new DynamoTerritoryRepository(cloud.dynamo(), cloud.tableName("TerritoryTable"), clock);
            // With a data dir the territory survives restarts: publish the demo map only once.
            if (repository.latestVersion() == 0) {
                publishedMap = new MapPublisher(repository).publish(demo.map(), "demo territory");
            }
            for (Roster r : demo.rosters()) repository.saveRoster(r);
            var registry = new DynamoDepartmentDirectory(cloud.dynamo(), cloud.tableName("TerritoryTable"));
            for (Department d : demo.departments()) registry.save(d);
            for (UserAccount u : handles.values()) users.save(u);
            // Staff are reached by the console's QR sign-in through their unionid (u-<handle>, as the fake WeChat gives it).
            for (Map.Entry<String, UserAccount> e : handles.entrySet()) {
                if (e.getValue().principal().isStaff()) users.linkUnionId("u-" + e.getKey(), e.getValue().id());
            }
            volunteers.seed(new DynamoMemberStore(cloud.dynamo(), cloud.tableName("VolunteerTable")));
            OpenKeys.seed(cloud.dynamo(), cloud.tableName("UsersTable"));
            // This month's patrol plan, as the monthly schedule would have derived it on the 1st.
            new org.linli.handlers.PatrolPlanJob(
                    new org.linli.adapters.dynamo.territory.DynamoUnitDirectory(cloud.dynamo(), cloud.tableName("TerritoryTable"), clock),
                    new org.linli.adapters.dynamo.kpi.DynamoPatrolStore(cloud.dynamo(), cloud.tableName("KpiTable")),
                    org.linli.kpi.KpiSettings.fromClasspath().visitsPerMicroGrid(), clock)
                    .plan(org.linli.kpi.CaseFacts.monthOf(clock.instant()));
        }
        cloud.addLocalRoute("POST", "/_local/dev-login", request -> devLogin(request, users));
        // The QR page offers the demo staff; the console is told where it is (config.json's wechatLogin).
        wechat.scanners(() -> {
            Map<String, String> staff = new java.util.LinkedHashMap<>();
            handles.forEach((h, u) -> {
                if (u.principal().isStaff()) staff.put(h, u.displayName() == null ? h : u.displayName());
            });
            return staff;
        });
        cloud.consoleWeChatLogin(FakeWeChatServer.WEB_APP_ID, wechat.baseUrl() + FakeWeChatServer.QR_CONNECT);
        cloud.addLocalRoute("GET", "/_local/demo", request -> LocalResponse.json(200, demoSummary()));
    }

    /**
     * Mints an access token for a demo user (by handle) or any stored user (by id) with the local
     * key. This route is the gateway's own, not a route of template.yaml: it cannot be deployed.
     */
    private LocalResponse devLogin(LocalRequest request, DynamoUserStore users) {
        String handle = request.query("user");
        if (handle == null && request.body().length > 0) {
            try {
                JsonNode body = Json.parse(request.bodyText());
                handle = body.path("user").asText(null);
            } catch (Json.MalformedJson e) {
                return error(400, "INVALID_JSON", e.getMessage());
            }
        }
        if (handle == null || handle.isBlank()) return error(400, "VALIDATION_FAILED", "Say which user: ?user=resident (see GET /_local/demo).");
        String userId = handles.containsKey(handle) ? DemoTerritory.userId(handle) : handle;
        UserAccount user = users.find(userId).orElse(null);
        if (user == null) return error(404, "NOT_FOUND", "No demo user '" + handle + "'; GET /_local/demo lists them.");
        String token = new AccessTokens(ISSUER).issue(user.principal(), keys.kid(), keys.privateKey(), clock.instant());
        if ("token".equals(request.query("format"))) return LocalResponse.text(200, token);
        ObjectNode o = Json.object().put("accessToken", token).put("tokenType", "Bearer").put("userId", user.id());
        if (user.displayName() != null) o.put("displayName", user.displayName());
        return LocalResponse.json(200, o);
    }

    private ObjectNode demoSummary() {
        ObjectNode o = Json.object();
        ObjectNode handles = o.putObject("users");
        for (Map.Entry<String, UserAccount> e : this.handles.entrySet()) {
            ObjectNode u = handles.putObject(e.getKey());
            u.put("userId", e.getValue().id());
            u.put("name", e.getValue().displayName());
            var roles = u.putArray("roles");
            e.getValue().roles().stream().sorted().forEach(r -> roles.add(r.name()));
            var scope = u.putArray("scope");
            e.getValue().scope().forEach(scope::add);
        }
        o.put("wechatBaseUrl", wechat.baseUrl());
        o.put("smsBaseUrl", sms.baseUrl());
        o.put("hotlinePlatformUrl", hotline.url());
        return o;
    }

    private static LocalResponse error(int status, String code, String message) {
        ObjectNode root = Json.object();
        root.putObject("error").put("code", code).put("message", message).putArray("fields");
        return LocalResponse.json(status, root);
    }

    @Override
    public String readyMessage(LocalCloud cloud) {
        String base = cloud.baseUrl().toString().replaceAll("/$", "");
        return String.join("\n",
                "",
                "Try it (demo users: GET " + base + "/_local/demo):",
                "  TOKEN=$(curl -s -X POST '" + base + "/_local/dev-login?user=resident&format=token')",
                "  curl -s -X POST " + base + "/reports -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\",
                "    -d '{\"category\":\"sanitation\",\"description\":\"楼道堆放杂物，堵塞消防通道\",\"location\":{\"lat\":37.8481,\"lng\":113.5452,\"datum\":\"GCJ02\"},\"contact\":{\"name\":\"王芳\",\"phone\":\"13812341234\"}}'",
                "  curl -s " + base + "/me/reports -H \"Authorization: Bearer $TOKEN\"");
    }

    @Override
    public void close() {
        if (wechat != null) wechat.close();
        if (sms != null) sms.close();
        if (hotline != null) hotline.close();
    }

    /** The 12345 platform's stand-in: where the outbox's status reports arrive (docs/hotline.md). */
    public FakeHotlineServer hotline() {
        return hotline;
    }

    public FakeWeChatServer wechat() {
        return wechat;
    }

    /** The fake Tencent Cloud SMS endpoint the functions send to. */
    public FakeSmsServer sms() {
        return sms;
    }

    public TokenKeys keys() {
        return keys;
    }

    public DemoTerritory demo() {
        return demo;
    }

    public DemoVolunteers volunteers() {
        return volunteers;
    }

    /** The map version this start published, or null when the data dir already held one. */
    public MapInfo publishedMap() {
        return publishedMap;
    }
}
