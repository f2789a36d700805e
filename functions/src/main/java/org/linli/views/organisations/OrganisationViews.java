package org.linli.views.organisations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.organisations.Contact;
import org.linli.organisations.MemberLink;
import org.linli.organisations.Organisation;
import org.linli.organisations.OrganisationHours;
import org.linli.organisations.OrganisationStore;

/**
 * JSON views of organisations: the contact person whole for the community's staff
 * ({@code staff}), masked (张*, 138****1234) for everyone else; member links (user ids) for staff only.
 */
public final class OrganisationViews {
    private OrganisationViews() {}

    public static ObjectNode organisation(Organisation o, boolean staff) {
        Contact c = staff ? o.contact() : o.contact().masked();
        ObjectNode n = Json.object().put("organisationId", o.id()).put("community", o.community()).put("kind", o.kind().name())
                .put("name", o.name());
        n.putObject("contact").put("name", c.name()).put("phone", c.phone()).put("masked", !staff);
        if (staff) {
            if (o.address() == null) n.putNull("address"); else n.put("address", o.address());
        }
        n.put("registeredAt", Times.api(o.registeredAt())).put("updatedAt", Times.api(o.updatedAt())).put("version", o.version());
        return n;
    }

    /** The community's organisations, each with its linked members (staff) or their number (everyone else). */
    public static ObjectNode roster(String community, OrganisationStore.Roster roster, boolean staff) {
        ObjectNode body = Json.object().put("community", community);
        ArrayNode items = body.putArray("items");
        for (Organisation o : roster.organisations()) {
            ObjectNode n = organisation(o, staff);
            List<MemberLink> mine = roster.links().stream().filter(l -> l.organisationId().equals(o.id())).toList();
            n.put("memberCount", mine.size());
            if (staff) {
                ArrayNode members = n.putArray("members");
                for (MemberLink l : mine) members.addObject().put("memberId", l.memberId()).put("linkedAt", Times.api(l.linkedAt()));
            }
            items.add(n);
        }
        return body;
    }

    public static ObjectNode link(MemberLink l) {
        return Json.object().put("community", l.community()).put("organisationId", l.organisationId()).put("memberId", l.memberId())
                .put("linkedAt", Times.api(l.linkedAt()));
    }

    /** Hours per organisation (no personal data): the monthly summary's and the year-end view's. */
    public static ArrayNode hours(List<OrganisationHours> all) {
        ArrayNode a = Json.array();
        for (OrganisationHours h : all) {
            a.addObject().put("organisationId", h.organisationId()).put("name", h.name()).put("kind", h.kind().name())
                    .put("members", h.members()).put("activeMembers", h.activeMembers()).put("minutes", h.minutes())
                    .put("hours", BigDecimal.valueOf(h.minutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP));
        }
        return a;
    }
}
