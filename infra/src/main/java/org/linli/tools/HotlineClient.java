package org.linli.tools;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.linli.hotline.HotlineSignature;
import org.linli.json.Json;

/**
 * What a 12345 platform sends (docs/hotline.md): a work order as JSON and the headers that sign it
 * with the shared key. For the local cloud's tests, the benchmark and trying it by hand.
 */
public final class HotlineClient {
    private HotlineClient() {}

    /** An order of 枫林社区 (DEMO-E1) at a GCJ-02 point, with a caller. */
    public static String order(String orderNo, String category, double lat, double lng) {
        var o = Json.object().put("orderNo", orderNo).put("category", category).put("content", "市民来电反映：楼道堆放杂物，堵塞消防通道")
                .put("deadline", "2026-12-06T18:00:00+08:00").put("urgency", "一般");
        o.putObject("caller").put("name", "李强").put("phone", "+86 139 1234 5678");
        o.putObject("location").put("lat", lat).put("lng", lng).put("datum", "GCJ02");
        return Json.write(o);
    }

    /** The fewest fields an order needs: number, category, content, a point. */
    public static String minimal(String orderNo) {
        var o = Json.object().put("orderNo", orderNo).put("category", "环境卫生").put("content", "市民来电反映：垃圾未清运");
        o.putObject("location").put("lat", 37.8470).put("lng", 113.5790);
        return Json.write(o);
    }

    /** An order located only by its address. */
    public static String orderAt(String orderNo, String category, String address) {
        var o = Json.object().put("orderNo", orderNo).put("category", category).put("content", "市民来电反映：路灯不亮").put("address", address);
        o.putObject("caller").put("phone", "(0351) 1234567");
        return Json.write(o);
    }

    /** The signature headers of {@code body} sent at {@code at} with {@code key}. */
    public static Map<String, String> headers(String key, String body, Instant at) {
        long ts = at.getEpochSecond();
        return Map.of("Content-Type", "application/json", "X-Linli-Timestamp", Long.toString(ts),
                "X-Linli-Signature", "sha256=" + HotlineSignature.sign(key.getBytes(StandardCharsets.UTF_8), ts, body.getBytes(StandardCharsets.UTF_8)));
    }
}
