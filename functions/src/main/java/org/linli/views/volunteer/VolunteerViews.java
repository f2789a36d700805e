package org.linli.views.volunteer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.linli.core.Masking;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.volunteer.Audience;
import org.linli.volunteer.LogRules;
import org.linli.volunteer.Rating;
import org.linli.volunteer.grading.GradeRow;
import org.linli.volunteer.grading.GradeSheet;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.points.LedgerEntry;
import org.linli.volunteer.points.MonthScore;
import org.linli.volunteer.points.PointsStatement;
import org.linli.volunteer.points.YearAccount;
import org.linli.volunteer.servicelog.ServiceLog;
import org.linli.volunteer.wishes.Wish;
import org.linli.volunteer.wishes.WishEvent;

/**
 * JSON views of the volunteer service. What a view holds depends on who looks: public views (the
 * feed, boards and published grades for anyone but the community's staff) mask every name, never
 * hold a phone number or an address, and mask numbers inside free text.
 */
public final class VolunteerViews {
    private VolunteerViews() {}

    public static String time(Instant t) {
        return t == null ? null : Times.api(t);
    }

    private static void putTime(ObjectNode o, String name, Instant t) {
        if (t != null) o.put(name, Times.api(t));
    }

    public static ObjectNode community(Community c) {
        return Json.object().put("code", c.code()).put("name", c.name());
    }

    // ---------------------------------------------------------------- members

    /** The member himself and the community's staff see the registration in full. */
    public static ObjectNode membership(Membership m) {
        ObjectNode o = Json.object().put("memberId", m.memberId());
        o.set("community", community(m.community()));
        o.put("name", m.name()).put("phone", m.phone());
        ArrayNode skills = o.putArray("skills");
        m.skills().forEach(skills::add);
        if (m.availability() != null) o.put("availability", m.availability());
        o.put("partyOrganisation", m.partyOrganisation()).put("status", m.status().name());
        putTime(o, "registeredAt", m.registeredAt());
        putTime(o, "decidedAt", m.decidedAt());
        if (m.declineReason() != null) o.put("declineReason", m.declineReason());
        ObjectNode ratings = o.putObject("ratings").put("count", m.ratingCount());
        if (m.averageRating() != null) ratings.put("average", round(m.averageRating()));
        else ratings.putNull("average");
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    // ---------------------------------------------------------------- wishes

    public static ObjectNode wish(Wish w, Audience who, Instant now) {
        if (who == Audience.PUBLIC) return feedItem(w);
        boolean full = who != Audience.MEMBER;
        ObjectNode o = Json.object().put("wishId", w.id());
        o.set("community", community(w.community()));
        o.put("state", w.state().name());
        if (full) o.put("title", w.content().title()).put("detail", w.content().detail());
        else o.put("title", Masking.text(w.content().title(), w.content().contactName()))
                .put("detail", Masking.text(w.content().detail(), w.content().contactName()));
        putTime(o, "wantedBy", w.content().wantedBy());
        ArrayNode photos = o.putArray("photoKeys");
        w.content().photoKeys().forEach(photos::add);
        ObjectNode contact = o.putObject("contact");
        if (full) {
            o.put("place", w.content().place());
            if (w.content().contactName() != null) contact.put("name", w.content().contactName());
            contact.put("phone", w.content().contactPhone());
        } else {
            // Browsing members see who and how to call only once they hold the wish.
            if (w.content().contactName() != null) contact.put("name", Masking.name(w.content().contactName()));
            contact.put("phone", Masking.phone(w.content().contactPhone()));
        }
        putTime(o, "createdAt", w.createdAt());
        putTime(o, "publishedAt", w.publishedAt());
        if (full && w.offeredTo() != null) o.put("dispatchedTo", w.offeredTo());
        if (w.claim() != null && full) {
            ObjectNode c = o.putObject("claim").put("memberId", w.claim().memberId());
            if (w.claim().memberName() != null) c.put("name", w.claim().memberName());
            putTime(c, "claimedAt", w.claim().claimedAt());
            putTime(c, "serveBy", w.claim().serveBy());
            c.put("overdue", w.overdue(now));
        }
        if (w.completion() != null && full) {
            ObjectNode c = o.putObject("completion");
            putTime(c, "at", w.completion().at());
            if (w.completion().note() != null) c.put("note", w.completion().note());
            ArrayNode ev = c.putArray("evidencePhotoKeys");
            w.completion().evidenceKeys().forEach(ev::add);
        }
        if (w.rating() != null && full) o.set("rating", rating(w.rating(), null));
        if (w.declineReason() != null && full) o.put("declineReason", w.declineReason());
        if (who == Audience.STAFF || who == Audience.OWNER) {
            ArrayNode h = o.putArray("history");
            for (WishEvent e : w.history()) {
                ObjectNode x = h.addObject().put("action", e.action()).put("by", e.actorId()).put("at", time(e.at()));
                if (e.note() != null) x.put("note", e.note());
            }
        }
        o.put("version", w.version());
        return o;
    }

    /** 平台晒单: a fulfilled wish as anyone may see it - no address, no phone, names masked, numbers in text masked. */
    public static ObjectNode feedItem(Wish w) {
        ObjectNode o = Json.object().put("wishId", w.id());
        o.set("community", community(w.community()));
        String[] names = {w.content().contactName(), w.claim() == null ? null : w.claim().memberName()};
        o.put("title", Masking.text(w.content().title(), names));
        String resident = Masking.name(w.content().contactName());
        o.put("resident", resident == null ? "居民" : resident);
        if (w.claim() != null) o.put("volunteer", w.claim().memberName() == null ? "志愿者" : Masking.name(w.claim().memberName()));
        if (w.rating() != null) {
            putTime(o, "fulfilledAt", w.rating().at());
            o.set("rating", rating(w.rating(), names));
        }
        return o;
    }

    /** {@code maskNames} null: the comment as written (for those who may see it); else masked, with these names. */
    private static ObjectNode rating(Rating r, String[] maskNames) {
        ObjectNode o = Json.object().put("score", r.score());
        if (r.comment() != null) o.put("comment", maskNames == null ? r.comment() : Masking.text(r.comment(), maskNames));
        putTime(o, "at", r.at());
        return o;
    }

    // ---------------------------------------------------------------- service logs

    public static ObjectNode log(ServiceLog l, LogRules rules) {
        ObjectNode o = Json.object().put("logId", l.id());
        o.set("community", community(l.community()));
        o.put("type", l.type()).put("typeName", rules.types().getOrDefault(l.type(), l.type()));
        putTime(o, "start", l.start());
        putTime(o, "end", l.end());
        o.put("minutes", l.minutes()).put("status", l.status().name());
        ObjectNode member = o.putObject("member").put("memberId", l.memberId());
        if (l.memberName() != null) member.put("name", l.memberName());
        if (l.beneficiaryId() != null) o.put("beneficiaryId", l.beneficiaryId());
        if (l.wishId() != null) o.put("wishId", l.wishId());
        if (l.description() != null) o.put("description", l.description());
        ArrayNode ev = o.putArray("evidencePhotoKeys");
        l.evidenceKeys().forEach(ev::add);
        putTime(o, "createdAt", l.createdAt());
        if (l.decidedAt() != null) {
            ObjectNode d = o.putObject("decision").put("by", l.decidedBy());
            if (l.verifiedVia() != null && l.rejectReason() == null) d.put("via", l.verifiedVia().name());
            putTime(d, "at", l.decidedAt());
            if (l.rejectReason() != null) d.put("reason", l.rejectReason());
        }
        o.put("points", l.points());
        if (l.rating() != null) o.set("rating", rating(l.rating(), null));
        return o;
    }

    // ---------------------------------------------------------------- points, boards, grades

    public static ObjectNode account(YearAccount a) {
        ObjectNode o = Json.object().put("memberId", a.memberId()).put("community", a.community()).put("year", a.year())
                .put("points", a.points()).put("verifiedMinutes", a.verifiedMinutes())
                .put("servicesVerified", a.servicesVerified()).put("wishesFulfilled", a.wishesFulfilled());
        ObjectNode r = o.putObject("ratings");
        r.putObject("beneficiaries").put("count", a.beneficiaryCount())
                .put("average", a.beneficiaryAverage() == null ? null : round(a.beneficiaryAverage()));
        r.putObject("residents").put("count", a.residentCount())
                .put("average", a.residentAverage() == null ? null : round(a.residentAverage()));
        if (a.assessment() != null) o.put("assessment", a.assessment());
        return o;
    }

    public static ObjectNode statement(PointsStatement s) {
        ObjectNode o = account(s.account());
        ArrayNode months = o.putArray("months");
        for (MonthScore m : s.months()) {
            months.addObject().put("month", m.period()).put("points", m.points()).put("verifiedMinutes", m.verifiedMinutes());
        }
        ArrayNode entries = o.putArray("entries");
        for (LedgerEntry e : s.entries()) {
            ObjectNode x = entries.addObject().put("rule", e.rule().name()).put("sourceId", e.sourceId()).put("points", e.points())
                    .put("month", e.month().toString()).put("at", time(e.at()));
            if (e.wanted() != e.points()) x.put("cappedFrom", e.wanted());
        }
        return o;
    }

    public static ObjectNode board(String community, String period, List<MonthScore> rows, boolean staff) {
        ObjectNode o = Json.object().put("community", community).put("period", period);
        ArrayNode items = o.putArray("items");
        int rank = 0;
        for (MonthScore s : rows) items.add(score(s, staff).put("rank", ++rank));
        return o;
    }

    public static ObjectNode score(MonthScore s, boolean staff) {
        return Json.object().put("memberId", s.memberId()).put("name", staff ? s.memberName() : Masking.name(s.memberName()))
                .put("points", s.points()).put("verifiedMinutes", s.verifiedMinutes());
    }

    public static ObjectNode grades(GradeSheet s, boolean staff) {
        ObjectNode o = Json.object().put("community", s.community()).put("year", s.year()).put("state", s.state().name());
        putTime(o, "computedAt", s.computedAt());
        putTime(o, "publishedAt", s.publishedAt());
        ArrayNode rows = o.putArray("items");
        for (GradeRow r : s.rows()) rows.add(gradeRow(r, staff));
        return o;
    }

    public static ObjectNode gradeRow(GradeRow r, boolean staff) {
        ObjectNode o = Json.object().put("memberId", r.memberId())
                .put("name", staff ? r.memberName() : Masking.name(r.memberName()))
                .put("grade", r.grade().name()).put("gradeLabel", r.grade().label()).put("total", r.total())
                .put("adjusted", r.adjusted() != null);
        if (!staff) return o;
        o.put("points", r.points());
        o.putObject("parts").put("points", r.pointsScore()).put("assessment", r.assessmentScore())
                .put("assessmentMissing", r.assessmentMissing())
                .put("residents", r.residentScore()).put("residentRatings", r.residentCount())
                .put("beneficiaries", r.beneficiaryScore()).put("beneficiaryRatings", r.beneficiaryCount());
        o.put("computedGrade", r.computed().name());
        if (r.adjusted() != null) {
            o.putObject("adjustment").put("grade", r.adjusted().name()).put("reason", r.adjustReason())
                    .put("by", r.adjustedBy()).put("at", time(r.adjustedAt()));
        }
        return o;
    }
}
