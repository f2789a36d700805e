package org.linli.adapters.dynamo.cycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.linli.json.Json;
import org.linli.organisations.OrganisationHours;
import org.linli.organisations.OrganisationKind;

/** A summary's organisation figures as one JSON attribute: stored with the summary, read with it, never queried. */
final class OrganisationHoursCodec {
    private OrganisationHoursCodec() {}

    static String write(List<OrganisationHours> hours) {
        ArrayNode a = Json.array();
        for (OrganisationHours h : hours) {
            a.addObject().put("id", h.organisationId()).put("name", h.name()).put("kind", h.kind().name())
                    .put("members", h.members()).put("active", h.activeMembers()).put("minutes", h.minutes());
        }
        return Json.write(a);
    }

    static List<OrganisationHours> read(String doc) {
        if (doc == null) return List.of();
        List<OrganisationHours> out = new ArrayList<>();
        for (JsonNode n : Json.parse(doc)) {
            out.add(new OrganisationHours(n.get("id").textValue(), n.get("name").textValue(),
                    OrganisationKind.valueOf(n.get("kind").textValue()), n.get("members").intValue(), n.get("active").intValue(),
                    n.get("minutes").intValue()));
        }
        return out;
    }
}
