package org.linli.views.patrol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.patrol.Patrol;

/** JSON views of patrols: the place, the visit, its findings and the reports they became. */
public final class PatrolViews {
    private PatrolViews() {}

    public static ObjectNode patrol(Patrol p) {
        ObjectNode o = Json.object();
        o.put("patrolId", p.id());
        ObjectNode place = o.putObject("place");
        place.put("unit", p.unit());
        if (p.buildingCode() == null) place.putNull("buildingCode"); else place.put("buildingCode", p.buildingCode());
        ArrayNode path = place.putArray("path");
        p.path().forEach(path::add);
        o.put("visitedAt", Times.api(p.visitedAt()));
        o.put("month", p.month().toString());
        if (p.note() == null) o.putNull("note"); else o.put("note", p.note());
        ArrayNode photos = o.putArray("photoKeys");
        p.photoKeys().forEach(photos::add);
        ArrayNode findings = o.putArray("findings");
        for (Patrol.Finding f : p.findings()) {
            ObjectNode fo = findings.addObject();
            fo.put("note", f.note());
            ArrayNode fp = fo.putArray("photoKeys");
            f.photoKeys().forEach(fp::add);
            if (f.reportId() == null) {
                fo.putNull("category");
                fo.putNull("reportId");
            } else {
                fo.put("category", f.category());
                fo.put("reportId", f.reportId());
                fo.putObject("links").put("report", "/reports/" + f.reportId());
            }
        }
        o.put("credited", p.credited());
        o.put("createdAt", Times.api(p.createdAt()));
        o.putObject("links").put("self", "/patrols/" + p.id());
        return o;
    }
}
