package org.linli.report;

import java.time.Instant;
import org.linli.geo.GeoPoint;

/**
 * The message that carries a stored report to assignment. It holds what placement needs and no
 * personal information beyond the location (no name, phone or description).
 */
public record ReportReceived(String reportId, String reporterId, String category, GeoPoint point,
                             String buildingCode, Instant receivedAt, String placeCode, Source source, WorkOrder order) {
    public ReportReceived(String reportId, String reporterId, String category, GeoPoint point,
                          String buildingCode, Instant receivedAt, String placeCode, Source source) {
        this(reportId, reporterId, category, point, buildingCode, receivedAt, placeCode, source, null);
    }

    public static ReportReceived of(Report r) {
        return new ReportReceived(r.id(), r.reporterId(), r.content().category(), r.content().point(),
                r.content().buildingCode(), r.receivedAt(), r.content().placeCode(), r.content().source(), r.content().order());
    }
}
