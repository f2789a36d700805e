package org.linli.views.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.core.Times;
import org.linli.identity.ErasureRecord;
import org.linli.json.Json;
import org.linli.privacy.AccessEntry;
import org.linli.privacy.ContactReveals;

/** JSON views of access entries, reveals and erasure records. */
public final class PrivacyViews {
    private PrivacyViews() {}

    /** An entry of the access log, for administrators: who, when, which subjects, why. */
    public static ObjectNode entry(AccessEntry e) {
        ObjectNode o = Json.object();
        o.put("entryId", e.entryId());
        o.put("viewerId", e.viewerId());
        var subjects = o.putArray("subjects");
        e.subjects().forEach(subjects::add);
        o.put("purpose", e.purpose().name());
        if (e.reason() != null) o.put("reason", e.reason());
        o.put("at", Times.api(e.at()));
        return o;
    }

    /** An entry as the case's reveal list shows it (the console's contract: revealId, reportId, by, reason, at). */
    public static ObjectNode reveal(AccessEntry e) {
        ObjectNode o = Json.object();
        o.put("revealId", e.entryId());
        e.subjects().stream().filter(s -> s.startsWith("report:")).findFirst().ifPresent(s -> o.put("reportId", s.substring(7)));
        o.put("by", e.viewerId());
        o.put("purpose", e.purpose().name());
        o.put("reason", e.reason() == null ? "" : e.reason());
        o.put("at", Times.api(e.at()));
        return o;
    }

    /** The answer of a reveal: the contact whole, and the entry that recorded it. */
    public static ObjectNode revealed(ContactReveals.Reveal r, java.time.Instant at) {
        ObjectNode o = Json.object();
        o.put("revealId", r.disclosed().entryId());
        o.put("caseId", r.kase().id());
        o.put("reportId", r.report().id());
        ObjectNode contact = o.putObject("contact");
        var c = r.report().content().contact();
        if (c.name() != null) contact.put("name", c.name());
        if (c.phone() != null) contact.put("phone", c.phone());
        o.put("revealedAt", Times.api(at));
        return o;
    }

    /** An erasure record: state, who asked, when, what it did (the reason an administrator gave stays in the store). */
    public static ObjectNode erasure(ErasureRecord e) {
        ObjectNode o = Json.object();
        o.put("userId", e.userId());
        o.put("state", e.state().name());
        o.put("bySelf", e.bySelf());
        o.put("requestedBy", e.requestedBy());
        o.put("requestedAt", Times.api(e.requestedAt()));
        o.put("reportsAnonymised", e.reportsAnonymised());
        if (e.doneAt() != null) o.put("doneAt", Times.api(e.doneAt()));
        return o;
    }
}
