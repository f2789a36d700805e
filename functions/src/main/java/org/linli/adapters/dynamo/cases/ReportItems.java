package org.linli.adapters.dynamo.cases;

import java.util.HashMap;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.core.Times;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportStatus;
import org.linli.report.Source;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Report ⇄ item. */
final class ReportItems {
    private ReportItems() {}

    static Map<String, AttributeValue> toItem(Report r) {
        Map<String, AttributeValue> item = new HashMap<>(CasesKeys.report(r.id()));
        ReportDraft d = r.content();
        String received = Times.stored(r.receivedAt());
        item.put("type", Attr.s("REPORT"));
        item.put("reportId", Attr.s(r.id()));
        item.put("reporterId", Attr.s(r.reporterId()));
        item.put("category", Attr.s(d.category()));
        item.put("description", Attr.s(d.description()));
        if (d.point() != null) {
            item.put("lat", Attr.n(d.point().lat()));
            item.put("lng", Attr.n(d.point().lng()));
            item.put("datum", Attr.s(d.point().datum().name()));
        }
        Attr.put(item, "buildingCode", d.buildingCode());
        Attr.put(item, "placeCode", d.placeCode());
        if (!d.photoKeys().isEmpty()) item.put("photoKeys", Attr.strings(d.photoKeys()));
        Attr.put(item, "contactName", d.contact().name());
        Attr.put(item, "contactPhone", d.contact().phone());
        item.put("anonymousToPublic", Attr.bool(d.anonymousToPublic()));
        item.put("source", Attr.s(d.source().name()));
        OrderAttrs.put(item, d.order());
        item.put("fingerprint", Attr.s(r.fingerprint()));
        item.put("status", Attr.s(r.status().name()));
        Attr.put(item, "caseId", r.caseId());
        item.put("receivedAt", Attr.s(received));
        item.put(CasesKeys.REPORTER_PK, Attr.s(CasesKeys.reporterPartition(r.reporterId())));
        item.put(CasesKeys.REPORTER_SK, Attr.s(received + "#" + r.id()));
        String tail = org.linli.core.format.Phone.tail(d.contact().phone());
        if (tail != null) { // the register's search by a reporter's phone: four digits, never the number
            item.put(CasesKeys.UNIT_PK, Attr.s(CasesKeys.tailPartition(tail)));
            item.put(CasesKeys.UNIT_SK, Attr.s(received + "#" + r.id()));
        }
        if (r.status() == ReportStatus.RECEIVED) {
            item.put(CasesKeys.PENDING_PK, Attr.s(CasesKeys.pendingPartition(r.id())));
            item.put(CasesKeys.PENDING_SK, Attr.s(received + "#" + r.id()));
        }
        return item;
    }

    static Report fromItem(Map<String, AttributeValue> item) {
        GeoPoint point = null;
        Double lat = Attr.dbl(item, "lat");
        if (lat != null) point = new GeoPoint(lat, Attr.dbl(item, "lng"), Datum.valueOf(Attr.str(item, "datum")));
        ReportDraft d = new ReportDraft(Attr.str(item, "category"), Attr.str(item, "description"), point,
                Attr.str(item, "buildingCode"), Attr.list(item, "photoKeys"),
                new Contact(Attr.str(item, "contactName"), Attr.str(item, "contactPhone")),
                Attr.flag(item, "anonymousToPublic"), Source.valueOf(Attr.str(item, "source")), Attr.str(item, "placeCode"),
                OrderAttrs.read(item));
        return new Report(Attr.str(item, "reportId"), Attr.str(item, "reporterId"), d, Attr.str(item, "fingerprint"),
                ReportStatus.valueOf(Attr.str(item, "status")), Attr.str(item, "caseId"),
                Times.parseStored(Attr.str(item, "receivedAt")));
    }
}
