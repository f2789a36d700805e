package org.linli.tools;

import org.linli.local.LocalHttpServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.linli.json.Json;

/**
 * A stand-in for WeChat's server API on 127.0.0.1, so that nothing in Linli needs the internet.
 * It implements the endpoints Linli calls - {@code /sns/jscode2session}, {@code /cgi-bin/token},
 * {@code /cgi-bin/stable_token}, {@code /cgi-bin/message/subscribe/send} - with WeChat's JSON
 * shapes and error codes, records every call, and can be told to fail in WeChat's ways.
 *
 * <p>Login codes: any code gives a stable openid derived from it; codes beginning {@code invalid}
 * answer 40029, {@code used} 40163, {@code busy} -1, {@code limit} 45011; codes {@code union_<person>_…} also
 * carry a unionid ({@link #unionIdFor}). Subscribe messages:
 * 40001 with an unknown or expired token ({@link #expireTokens}), 43101 to a user who refused
 * ({@link #refuseSubscriptions}), any code on the next call to a path ({@link #failNext}) or to one
 * user ({@link #failNextFor}).
 */
public final class FakeWeChatServer implements AutoCloseable {
    public static final String APP_ID = "wxlocal0000000001";
    public static final String APP_SECRET = "local-app-secret";
    public static final String SUBSCRIBE_SEND = "/cgi-bin/message/subscribe/send";
    /** The Open Platform website application of the staff console's QR sign-in (snsapi_login). */
    public static final String WEB_APP_ID = "wxlocalweb0000001";
    public static final String WEB_APP_SECRET = "local-web-app-secret";
    /** The QR page (WeChat's open.weixin.qq.com/connect/qrconnect) and the code exchange of the website sign-in. */
    public static final String QR_CONNECT = "/connect/qrconnect";
    public static final String WEB_ACCESS_TOKEN = "/sns/oauth2/access_token";

    /** Who may be chosen on the QR page ("scan as ..."): a handle and the name shown; set by the local cloud's setup. */
    private volatile java.util.function.Supplier<Map<String, String>> scanners = Map::of;
    private final java.util.concurrent.atomic.AtomicLong webCodes = new java.util.concurrent.atomic.AtomicLong();

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Integer>> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refusedOpenIds = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> failuresFor = new ConcurrentHashMap<>();

    /** One recorded request: the path, its parameters and body (the app secret is never recorded). */
    public record Call(String path, Map<String, String> query, JsonNode body, int errcode) {}

    public FakeWeChatServer(int port) throws IOException {
        server = LocalHttpServers.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-wechat");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The people the QR page offers to "scan as": handle → display name (the unionid is {@code u-<handle>}). */
    public void scanners(java.util.function.Supplier<Map<String, String>> who) {
        this.scanners = who;
    }

    /** The unionid a website sign-in code {@code web_<handle>_<n>} carries: {@code u-<handle>}, as {@link #unionIdFor}. */
    public static String webUnionIdFor(String code) {
        if (!code.startsWith("web_") || code.lastIndexOf('_') <= 4) return null;
        return "u-" + code.substring(4, code.lastIndexOf('_'));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next call to {@code path} answers {@code errcode} (stackable). */
    public void failNext(String path, int errcode) {
        failures.computeIfAbsent(path, k -> new ArrayDeque<>()).add(errcode);
    }

    /**
     * The next subscribe message to {@code openId} answers {@code errcode} (stackable): 45009
     * daily quota, 45011 minute quota, -1 busy, 43101 refused, 40037 bad template... Aimed at one
     * user, so that other traffic on a shared server does not take the failure.
     */
    public void failNextFor(String openId, int errcode) {
        failuresFor.computeIfAbsent(openId, k -> new ArrayDeque<>()).add(errcode);
    }

    /** Subscribe messages to this user answer 43101 (the user refused, or his one-time consent is used up). */
    public void refuseSubscriptions(String openId) {
        refusedOpenIds.put(openId, true);
    }

    /** Undoes {@link #refuseSubscriptions}: the user subscribed again. */
    public void acceptSubscriptions(String openId) {
        refusedOpenIds.remove(openId);
    }

    /** Invalidates every access token issued so far: the next send answers 40001. */
    public void expireTokens() {
        tokens.clear();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    /** The subscribe messages sent to {@code openId} (whatever WeChat answered), in order. */
    public synchronized List<Call> subscribeCalls(String openId) {
        return calls.stream().filter(c -> c.path().equals(SUBSCRIBE_SEND) && c.body() != null
                && openId.equals(c.body().path("touser").asText())).toList();
    }

    public synchronized void reset() {
        calls.clear();
        failures.clear();
        failuresFor.clear();
        refusedOpenIds.clear();
    }

    /**
     * Codes {@code union_<person>_<anything>} come from an app bound to an Open Platform account:
     * WeChat adds a unionid, the same for every code of that person whatever the app.
     */
    public static String unionIdFor(String code) {
        if (!code.startsWith("union_")) return null;
        int end = code.indexOf('_', 6);
        return "u-" + (end < 0 ? code.substring(6) : code.substring(6, end));
    }

    public static String openIdFor(String code) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return "oLocal" + HexFormat.of().formatHex(d).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        if (path.equals(QR_CONNECT)) {
            qrPage(ex, query);
            return;
        }
        JsonNode body = null;
        byte[] raw = ex.getRequestBody().readAllBytes();
        if (raw.length > 0) {
            try {
                body = Json.parse(new String(raw, StandardCharsets.UTF_8));
            } catch (Json.MalformedJson e) {
                respond(ex, path, query, null, error(47001, "data format error"));
                return;
            }
        }
        ObjectNode answer;
        Deque<Integer> injected = failures.get(path);
        Integer forced = injected == null ? null : injected.poll();
        if (forced != null) answer = error(forced, "injected failure");
        else answer = switch (path) {
            case "/sns/jscode2session" -> jscode2session(query);
            case WEB_ACCESS_TOKEN -> webAccessToken(query);
            case "/cgi-bin/token" -> token(query.get("appid"), query.get("secret"));
            case "/cgi-bin/stable_token" -> body == null ? error(47001, "data format error")
                    : token(body.path("appid").asText(), body.path("secret").asText());
            case "/cgi-bin/message/subscribe/send" -> subscribeSend(query.get("access_token"), body);
            default -> null;
        };
        if (answer == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        respond(ex, path, query, body, answer);
    }

    private ObjectNode jscode2session(Map<String, String> q) {
        if (!APP_ID.equals(q.get("appid"))) return error(40013, "invalid appid");
        if (!APP_SECRET.equals(q.get("secret"))) return error(40125, "invalid appsecret");
        String code = q.getOrDefault("js_code", "");
        if (code.isEmpty() || code.startsWith("invalid")) return error(40029, "invalid code");
        if (code.startsWith("used")) return error(40163, "code been used");
        if (code.startsWith("busy")) return error(-1, "system error");
        if (code.startsWith("limit")) return error(45011, "api minute-quota reach limit");
        ObjectNode r = Json.object().put("openid", openIdFor(code)).put("session_key", "local-session-key");
        String union = unionIdFor(code);
        if (union != null) r.put("unionid", union);
        return r;
    }

    /** {@code /sns/oauth2/access_token}: a website sign-in code for the website app's openid and the person's unionid. */
    private ObjectNode webAccessToken(Map<String, String> q) {
        if (!WEB_APP_ID.equals(q.get("appid"))) return error(40013, "invalid appid");
        if (!WEB_APP_SECRET.equals(q.get("secret"))) return error(40125, "invalid appsecret");
        if (!"authorization_code".equals(q.get("grant_type"))) return error(40002, "invalid grant_type");
        String code = q.getOrDefault("code", "");
        String union = webUnionIdFor(code);
        if (union == null) return error(40029, "invalid code");
        return Json.object().put("access_token", "local-web-token-" + UUID.randomUUID()).put("expires_in", 7200)
                .put("refresh_token", "local-web-refresh").put("openid", openIdFor("web-" + union)).put("scope", "snsapi_login")
                .put("unionid", union);
    }

    /**
     * WeChat's QR page, as a person at a desk sees it after scanning with his phone: here a list of
     * "scan as ..." links, each back to {@code redirect_uri} with a code and the state unchanged (or a
     * cancel link without a code, as when the user declines on the phone).
     */
    private void qrPage(HttpExchange ex, Map<String, String> q) throws IOException {
        String redirect = q.getOrDefault("redirect_uri", "");
        String state = q.getOrDefault("state", "");
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>微信登录（本地模拟）</title><link rel=\"icon\" href=\"data:,\"></head><body><main><h1>微信扫码登录（本地模拟）</h1>");
        boolean ok = WEB_APP_ID.equals(q.get("appid")) && "snsapi_login".equals(q.get("scope")) && redirect.startsWith("http");
        if (!ok) {
            html.append("<p role=\"alert\">参数错误：appid、scope=snsapi_login 或 redirect_uri 不正确。</p>");
        } else {
            html.append("<p>本地云没有手机可扫码：请选择以谁的身份扫码确认。</p><ul>");
            for (Map.Entry<String, String> e : scanners.get().entrySet()) {
                String code = "web_" + e.getKey() + "_" + webCodes.incrementAndGet();
                html.append("<li><a href=\"").append(escape(back(redirect, code, state))).append("\">以 ").append(escape(e.getValue()))
                        .append(" 身份扫码</a></li>");
            }
            html.append("</ul><p><a href=\"").append(escape(back(redirect, null, state))).append("\">取消</a></p>");
        }
        html.append("</main></body></html>");
        synchronized (this) {
            Map<String, String> recorded = new HashMap<>(q);
            calls.add(new Call(QR_CONNECT, Map.copyOf(recorded), null, ok ? 0 : 40013));
        }
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(ok ? 200 : 400, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String back(String redirect, String code, String state) {
        String sep = redirect.contains("?") ? "&" : "?";
        return redirect + sep + (code == null ? "" : "code=" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8) + "&")
                + "state=" + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private ObjectNode token(String appId, String secret) {
        if (!APP_ID.equals(appId)) return error(40013, "invalid appid");
        if (!APP_SECRET.equals(secret)) return error(40125, "invalid appsecret");
        String token = "local-token-" + UUID.randomUUID();
        tokens.put(token, System.currentTimeMillis());
        return Json.object().put("access_token", token).put("expires_in", 7200);
    }

    private ObjectNode subscribeSend(String accessToken, JsonNode body) {
        if (accessToken == null || !tokens.containsKey(accessToken)) return error(40001, "invalid credential, access_token is invalid");
        if (body == null || !body.hasNonNull("touser") || !body.hasNonNull("template_id")) return error(47003, "argument invalid");
        String to = body.get("touser").asText();
        Deque<Integer> aimed = failuresFor.get(to);
        Integer forced = aimed == null ? null : aimed.poll();
        if (forced != null) return error(forced, "injected failure");
        if (refusedOpenIds.containsKey(to)) return error(43101, "user refuse to accept the msg");
        return Json.object().put("errcode", 0).put("errmsg", "ok").put("msgid", Math.abs(UUID.randomUUID().getMostSignificantBits()));
    }

    private synchronized void respond(HttpExchange ex, String path, Map<String, String> query, JsonNode body, ObjectNode answer)
            throws IOException {
        Map<String, String> recorded = new HashMap<>(query);
        recorded.remove("secret");
        calls.add(new Call(path, Map.copyOf(recorded), body, answer.path("errcode").asInt(0)));
        byte[] bytes = Json.write(answer).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length); // WeChat answers 200 with errcode, even for errors
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode error(int code, String message) {
        return Json.object().put("errcode", code).put("errmsg", message);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) return m;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
