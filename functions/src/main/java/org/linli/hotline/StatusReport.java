package org.linli.hotline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.core.Times;
import org.linli.json.Json;

/**
 * One status report back to the 12345 platform about one of its work orders (docs/hotline.md,
 * "Status reports out"): what happened ({@link Kind}), the case's status after it, when, and what
 * the kind carries - the handling result and its photos (办结), a callback's outcome (回访), the
 * resident's satisfaction (满意度), a rejection's reason. {@code id} (event id + kind) is unique per
 * report: the platform drops a report whose id it has seen (deliveries are at least once).
 * {@code seq} is the case version of the event: increasing per order.
 */
public record StatusReport(String id, String orderNo, String caseId, long seq, Kind kind, String status, Instant at,
                           String result, List<Photo> photos, String outcome, String satisfaction, String reason) {
    public static final String TYPE = "linli.hotline.status";

    /** What a report tells; the 12345 word of each is in docs/hotline.md's mapping table. */
    public enum Kind {
        ACCEPTED,      // 受理: the order became a case
        ASSIGNED,      // 派单: a handler (grid worker, department) was given it
        SIGNED_FOR,    // 签收: the handler accepted it
        IN_PROGRESS,   // 处理中
        COORDINATING,  // 协调: departments summoned
        ESCALATED,     // 上报: a higher level owns it now
        RETURNED,      // 退回: back in a dispatcher's queue
        RESULT,        // 办结: the handling result, with photos
        FED_BACK,      // 反馈: the result was told to the resident
        REWORK,        // 返工: sent back for more work
        CALLBACK,      // 回访: staff called the resident back
        VERDICT,       // 满意度: the resident's verdict
        CLOSED,        // 结案
        REJECTED,      // 不予受理 / 退单, with the reason
        REOPENED,      // 重启
        MERGED         // 合并: answered by another case
    }

    /** A photo of the result: its id, and a download link added when the report is sent. */
    public record Photo(String id, String url) {}

    public StatusReport {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    public StatusReport withPhotos(List<Photo> linked) {
        return new StatusReport(id, orderNo, caseId, seq, kind, status, at, result, linked, outcome, satisfaction, reason);
    }

    public String toJson() {
        ObjectNode o = Json.object().put("type", TYPE).put("v", 1).put("id", id).put("orderNo", orderNo).put("caseId", caseId)
                .put("seq", seq).put("kind", kind.name()).put("status", status).put("at", Times.api(at));
        if (result != null) o.put("result", result);
        if (!photos.isEmpty()) {
            ArrayNode a = o.putArray("photos");
            for (Photo p : photos) {
                ObjectNode po = a.addObject().put("id", p.id());
                if (p.url() != null) po.put("url", p.url());
            }
        }
        if (outcome != null) o.put("outcome", outcome);
        if (satisfaction != null) o.put("satisfaction", satisfaction);
        if (reason != null) o.put("reason", reason);
        return Json.write(o);
    }

    /** Throws IllegalArgumentException for anything that is not a v1 status report. */
    public static StatusReport fromJson(String body) {
        try {
            JsonNode n = Json.parse(body);
            if (!TYPE.equals(n.path("type").asText()) || n.path("v").asInt() != 1) throw new IllegalArgumentException("not a " + TYPE + " v1");
            List<Photo> photos = new ArrayList<>();
            n.path("photos").forEach(p -> photos.add(new Photo(p.path("id").asText(), p.hasNonNull("url") ? p.get("url").asText() : null)));
            return new StatusReport(req(n, "id"), req(n, "orderNo"), req(n, "caseId"), n.path("seq").asLong(), Kind.valueOf(req(n, "kind")),
                    req(n, "status"), java.time.OffsetDateTime.parse(req(n, "at")).toInstant(), opt(n, "result"), photos,
                    opt(n, "outcome"), opt(n, "satisfaction"), opt(n, "reason"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed status report: " + e.getMessage());
        }
    }

    private static String req(JsonNode n, String f) {
        if (!n.hasNonNull(f) || n.get(f).asText().isEmpty()) throw new IllegalArgumentException("missing " + f);
        return n.get(f).asText();
    }

    private static String opt(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }
}
