package org.linli.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.linli.core.Times;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.Json;
import org.linli.report.ReportReceived;
import org.linli.report.Source;
import org.linli.report.WorkOrder;

/** {@code {"type":"report.received","v":1,...}} ⇄ {@link ReportReceived}. */
public final class ReportReceivedMessage {
    public static final String TYPE = "report.received";

    private ReportReceivedMessage() {}

    public static String encode(ReportReceived m) {
        ObjectNode o = Json.object().put("type", TYPE).put("v", 1)
                .put("reportId", m.reportId())
                .put("reporterId", m.reporterId())
                .put("category", m.category())
                .put("receivedAt", Times.stored(m.receivedAt()));
        if (m.point() != null) {
            o.putObject("point").put("lat", m.point().lat()).put("lng", m.point().lng()).put("datum", m.point().datum().name());
        }
        if (m.buildingCode() != null) o.put("buildingCode", m.buildingCode());
        if (m.placeCode() != null) o.put("placeCode", m.placeCode());
        if (m.source() != null) o.put("source", m.source().name());
        if (m.order() != null) {
            ObjectNode order = o.putObject("order").put("orderNo", m.order().orderNo()).put("urgent", m.order().urgent());
            if (m.order().dueBy() != null) order.put("dueBy", Times.stored(m.order().dueBy()));
        }
        return Json.write(o);
    }

    /** Throws IllegalArgumentException for anything that is not a v1 report.received message. */
    public static ReportReceived decode(String body) {
        JsonNode n = Messages.parse(body, TYPE);
        GeoPoint point = null;
        JsonNode p = n.get("point");
        if (p != null) point = new GeoPoint(p.path("lat").asDouble(), p.path("lng").asDouble(), Datum.valueOf(p.path("datum").asText()));
        String building = n.hasNonNull("buildingCode") ? n.get("buildingCode").asText() : null;
        String reportId = Messages.required(n, "reportId");
        return new ReportReceived(reportId, Messages.required(n, "reporterId"), Messages.required(n, "category"), point, building,
                Instant.parse(Messages.required(n, "receivedAt")), n.hasNonNull("placeCode") ? n.get("placeCode").asText() : null,
                source(n), order(n.get("order")));
    }

    private static WorkOrder order(JsonNode o) {
        if (o == null || o.isNull()) return null;
        return new WorkOrder(Messages.required(o, "orderNo"), o.hasNonNull("dueBy") ? Instant.parse(o.get("dueBy").asText()) : null,
                o.path("urgent").asBoolean(false));
    }

    /** Messages sent before the source travelled with them (and unknown names) carry none. */
    private static Source source(JsonNode n) {
        if (!n.hasNonNull("source")) return null;
        try {
            return Source.valueOf(n.get("source").asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
