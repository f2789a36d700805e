package org.linli.adapters.dynamo.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.core.Times;
import org.linli.volunteer.Grade;
import org.linli.volunteer.Rating;
import org.linli.volunteer.grading.GradeRow;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import org.linli.volunteer.points.LedgerEntry;
import org.linli.volunteer.points.MonthScore;
import org.linli.volunteer.points.PointsRule;
import org.linli.volunteer.points.YearAccount;
import org.linli.volunteer.servicelog.LogDay;
import org.linli.volunteer.servicelog.LogStatus;
import org.linli.volunteer.servicelog.ServiceLog;
import org.linli.volunteer.servicelog.Verifier;
import org.linli.volunteer.wishes.Claim;
import org.linli.volunteer.wishes.Completion;
import org.linli.volunteer.wishes.Wish;
import org.linli.volunteer.wishes.WishContent;
import org.linli.volunteer.wishes.WishEvent;
import org.linli.volunteer.wishes.WishState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item codecs of the volunteer table. Index keys are computed here from the state, in one place. */
final class VolunteerItems {
    private VolunteerItems() {}

    // ---------------------------------------------------------------- shared pieces

    static void time(Map<String, AttributeValue> item, String name, Instant t) {
        if (t != null) item.put(name, Attr.s(Times.stored(t)));
    }

    static Instant time(Map<String, AttributeValue> item, String name) {
        String s = Attr.str(item, name);
        return s == null ? null : Times.parseStored(s);
    }

    static String sortKey(Instant t, String id) {
        return Times.stored(t) + "#" + id;
    }

    private static void community(Map<String, AttributeValue> item, Community c) {
        item.put("community", Attr.s(c.code()));
        item.put("communityName", Attr.s(c.name()));
        item.put("communityPath", Attr.strings(c.path()));
    }

    private static Community community(Map<String, AttributeValue> item) {
        return new Community(Attr.str(item, "community"), Attr.str(item, "communityName"), Attr.list(item, "communityPath"));
    }

    private static Integer intOrNull(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? (int) Attr.num(item, name, 0) : null;
    }

    private static Rating rating(Map<String, AttributeValue> item) {
        Integer score = intOrNull(item, "ratingScore");
        return score == null ? null : new Rating(score, Attr.str(item, "ratingComment"), time(item, "ratedAt"));
    }

    private static void rating(Map<String, AttributeValue> item, Rating r) {
        if (r == null) return;
        item.put("ratingScore", Attr.n(r.score()));
        Attr.put(item, "ratingComment", r.comment());
        time(item, "ratedAt", r.at());
    }

    // ---------------------------------------------------------------- membership

    static Map<String, AttributeValue> membership(Membership m) {
        Map<String, AttributeValue> item = new HashMap<>(VolunteerKeys.membership(m.memberId()));
        item.put("type", Attr.s("MEMBERSHIP"));
        item.put("memberId", Attr.s(m.memberId()));
        community(item, m.community());
        item.put("name", Attr.s(m.name()));
        Attr.put(item, "phone", m.phone()); // absent once the member erased his account
        item.put("skills", Attr.strings(m.skills()));
        Attr.put(item, "availability", m.availability());
        item.put("partyOrganisation", Attr.s(m.partyOrganisation()));
        item.put("status", Attr.s(m.status().name()));
        time(item, "registeredAt", m.registeredAt());
        time(item, "decidedAt", m.decidedAt());
        Attr.put(item, "decidedBy", m.decidedBy());
        Attr.put(item, "declineReason", m.declineReason());
        item.put("ratingSum", Attr.n(m.ratingSum()));
        item.put("ratingCount", Attr.n(m.ratingCount()));
        item.put(VolunteerKeys.COMMUNITY_PK, Attr.s(VolunteerKeys.registrations(m.community().code(), m.status().name())));
        item.put(VolunteerKeys.COMMUNITY_SK, Attr.s(sortKey(m.registeredAt(), m.memberId())));
        return item;
    }

    static Membership membership(Map<String, AttributeValue> item) {
        return new Membership(Attr.str(item, "memberId"), community(item), Attr.str(item, "name"), Attr.str(item, "phone"),
                Attr.list(item, "skills"), Attr.str(item, "availability"), Attr.str(item, "partyOrganisation"),
                MembershipStatus.valueOf(Attr.str(item, "status")), time(item, "registeredAt"), time(item, "decidedAt"),
                Attr.str(item, "decidedBy"), Attr.str(item, "declineReason"), Attr.num(item, "ratingSum", 0),
                Attr.num(item, "ratingCount", 0));
    }

    // ---------------------------------------------------------------- wish

    /** The ByCommunity sort key of a wish in its state (see WishStore.byState for the orders). */
    static String wishStateSortKey(Wish w) {
        Instant t = switch (w.state()) {
            case PENDING_REVIEW -> w.createdAt();
            case PUBLISHED -> w.publishedAt();
            case CLAIMED -> w.claim().serveBy();
            case COMPLETED -> w.completion().at();
            case FULFILLED -> w.rating().at();
            case DECLINED -> w.updatedAt();
        };
        return sortKey(t, w.id());
    }

    static Map<String, AttributeValue> historyEntry(WishEvent e) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("a", Attr.s(e.action()));
        m.put("by", Attr.s(e.actorId()));
        time(m, "at", e.at());
        Attr.put(m, "n", e.note());
        return m;
    }

    static Map<String, AttributeValue> wish(Wish w) {
        Map<String, AttributeValue> item = new HashMap<>(VolunteerKeys.wish(w.id()));
        item.put("type", Attr.s("WISH"));
        item.put("wishId", Attr.s(w.id()));
        community(item, w.community());
        item.put("residentId", Attr.s(w.residentId()));
        WishContent c = w.content();
        item.put("title", Attr.s(c.title()));
        item.put("detail", Attr.s(c.detail()));
        time(item, "wantedBy", c.wantedBy());
        item.put("place", Attr.s(c.place()));
        item.put("photoKeys", Attr.strings(c.photoKeys()));
        Attr.put(item, "contactName", c.contactName());
        Attr.put(item, "contactPhone", c.contactPhone()); // absent once its resident erased his account
        item.put("state", Attr.s(w.state().name()));
        time(item, "createdAt", w.createdAt());
        time(item, "updatedAt", w.updatedAt());
        item.put("fingerprint", Attr.s(w.fingerprint()));
        time(item, "publishedAt", w.publishedAt());
        Attr.put(item, "offeredTo", w.offeredTo());
        if (w.claim() != null) {
            item.put("claimantId", Attr.s(w.claim().memberId()));
            Attr.put(item, "claimantName", w.claim().memberName());
            time(item, "claimedAt", w.claim().claimedAt());
            time(item, "serveBy", w.claim().serveBy());
            if (w.state().held()) {
                item.put(VolunteerKeys.MEMBER_PK, Attr.s(VolunteerKeys.claims(w.claim().memberId())));
                item.put(VolunteerKeys.MEMBER_SK, Attr.s(sortKey(w.claim().serveBy(), w.id())));
            }
        }
        if (w.completion() != null) {
            time(item, "completedAt", w.completion().at());
            Attr.put(item, "completionNote", w.completion().note());
            item.put("evidenceKeys", Attr.strings(w.completion().evidenceKeys()));
        }
        rating(item, w.rating());
        Attr.put(item, "declineReason", w.declineReason());
        List<AttributeValue> history = new ArrayList<>();
        for (WishEvent e : w.history()) history.add(AttributeValue.fromM(historyEntry(e)));
        item.put("history", AttributeValue.fromL(history));
        item.put("version", Attr.n(w.version()));
        item.put(VolunteerKeys.COMMUNITY_PK, Attr.s(VolunteerKeys.wishes(w.community().code(), w.state().name())));
        item.put(VolunteerKeys.COMMUNITY_SK, Attr.s(wishStateSortKey(w)));
        item.put(VolunteerKeys.USER_PK, Attr.s(VolunteerKeys.placed(w.residentId())));
        item.put(VolunteerKeys.USER_SK, Attr.s(sortKey(w.createdAt(), w.id())));
        return item;
    }

    static Wish wish(Map<String, AttributeValue> item) {
        WishContent content = new WishContent(Attr.str(item, "title"), Attr.str(item, "detail"), time(item, "wantedBy"),
                Attr.str(item, "place"), Attr.list(item, "photoKeys"), Attr.str(item, "contactName"), Attr.str(item, "contactPhone"));
        String claimant = Attr.str(item, "claimantId");
        Claim claim = claimant == null ? null : new Claim(claimant, Attr.str(item, "claimantName"), time(item, "claimedAt"),
                time(item, "serveBy"));
        Instant completedAt = time(item, "completedAt");
        Completion completion = completedAt == null ? null
                : new Completion(completedAt, Attr.str(item, "completionNote"), Attr.list(item, "evidenceKeys"));
        List<WishEvent> history = new ArrayList<>();
        AttributeValue h = item.get("history");
        if (h != null && h.hasL()) {
            for (AttributeValue e : h.l()) {
                Map<String, AttributeValue> m = e.m();
                history.add(new WishEvent(Attr.str(m, "a"), Attr.str(m, "by"), time(m, "at"), Attr.str(m, "n")));
            }
        }
        return new Wish(Attr.str(item, "wishId"), community(item), Attr.str(item, "residentId"), content,
                WishState.valueOf(Attr.str(item, "state")), time(item, "createdAt"), time(item, "updatedAt"),
                Attr.str(item, "fingerprint"), time(item, "publishedAt"), Attr.str(item, "offeredTo"), claim, completion,
                rating(item), Attr.str(item, "declineReason"), history, Attr.num(item, "version", 0));
    }

    // ---------------------------------------------------------------- service log and day sheet

    static Map<String, AttributeValue> log(ServiceLog l) {
        Map<String, AttributeValue> item = new HashMap<>(VolunteerKeys.log(l.id()));
        item.put("type", Attr.s("LOG"));
        item.put("logId", Attr.s(l.id()));
        item.put("memberId", Attr.s(l.memberId()));
        Attr.put(item, "memberName", l.memberName());
        community(item, l.community());
        item.put("serviceType", Attr.s(l.type()));
        time(item, "start", l.start());
        time(item, "end", l.end());
        item.put("minutes", Attr.n(l.minutes()));
        Attr.put(item, "beneficiaryId", l.beneficiaryId());
        Attr.put(item, "wishId", l.wishId());
        Attr.put(item, "description", l.description());
        item.put("evidenceKeys", Attr.strings(l.evidenceKeys()));
        item.put("status", Attr.s(l.status().name()));
        time(item, "createdAt", l.createdAt());
        item.put("fingerprint", Attr.s(l.fingerprint()));
        Attr.put(item, "decidedBy", l.decidedBy());
        if (l.verifiedVia() != null) item.put("verifiedVia", Attr.s(l.verifiedVia().name()));
        time(item, "decidedAt", l.decidedAt());
        Attr.put(item, "rejectReason", l.rejectReason());
        item.put("points", Attr.n(l.points()));
        rating(item, l.rating());
        String sk = sortKey(l.start(), l.id());
        item.put(VolunteerKeys.COMMUNITY_PK, Attr.s(VolunteerKeys.logs(l.community().code(), l.status().name())));
        item.put(VolunteerKeys.COMMUNITY_SK, Attr.s(sk));
        item.put(VolunteerKeys.MEMBER_PK, Attr.s(VolunteerKeys.memberLogs(l.memberId())));
        item.put(VolunteerKeys.MEMBER_SK, Attr.s(sk));
        if (l.beneficiaryId() != null) {
            item.put(VolunteerKeys.USER_PK, Attr.s(VolunteerKeys.received(l.beneficiaryId())));
            item.put(VolunteerKeys.USER_SK, Attr.s(sk));
        }
        return item;
    }

    static ServiceLog log(Map<String, AttributeValue> item) {
        String via = Attr.str(item, "verifiedVia");
        return new ServiceLog(Attr.str(item, "logId"), Attr.str(item, "memberId"), Attr.str(item, "memberName"), community(item),
                Attr.str(item, "serviceType"), time(item, "start"), time(item, "end"), Attr.str(item, "beneficiaryId"),
                Attr.str(item, "wishId"), Attr.str(item, "description"), Attr.list(item, "evidenceKeys"),
                LogStatus.valueOf(Attr.str(item, "status")), time(item, "createdAt"), Attr.str(item, "fingerprint"),
                Attr.str(item, "decidedBy"), via == null ? null : Verifier.valueOf(via), time(item, "decidedAt"),
                Attr.str(item, "rejectReason"), (int) Attr.num(item, "points", 0), rating(item));
    }

    static AttributeValue interval(LogDay.Interval i) {
        Map<String, AttributeValue> m = new HashMap<>();
        time(m, "s", i.start());
        time(m, "e", i.end());
        return AttributeValue.fromM(m);
    }

    static LogDay day(String memberId, LocalDate day, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) return LogDay.empty(memberId, day);
        Map<String, LogDay.Interval> entries = new LinkedHashMap<>();
        AttributeValue e = item.get("entries");
        if (e != null && e.hasM()) {
            e.m().forEach((id, v) -> entries.put(id, new LogDay.Interval(time(v.m(), "s"), time(v.m(), "e"))));
        }
        return new LogDay(memberId, day, entries, (int) Attr.num(item, "minutes", 0), Attr.num(item, "version", 0));
    }

    // ---------------------------------------------------------------- points

    static YearAccount account(Map<String, AttributeValue> item) {
        AttributeValue a = item.get("assessment");
        return new YearAccount(Attr.str(item, "memberId"), Attr.str(item, "memberName"), Attr.str(item, "community"),
                (int) Attr.num(item, "year", 0), (int) Attr.num(item, "points", 0), (int) Attr.num(item, "verifiedMinutes", 0),
                (int) Attr.num(item, "servicesVerified", 0), (int) Attr.num(item, "wishesFulfilled", 0),
                Attr.num(item, "residentSum", 0), Attr.num(item, "residentCount", 0), Attr.num(item, "beneficiarySum", 0),
                Attr.num(item, "beneficiaryCount", 0), a == null || a.n() == null ? null : new BigDecimal(a.n()),
                Attr.str(item, "assessmentNote"));
    }

    static MonthScore score(Map<String, AttributeValue> item) {
        String period = item.containsKey("month") ? Attr.str(item, "month") : Long.toString(Attr.num(item, "year", 0));
        return new MonthScore(period, Attr.str(item, "memberId"), Attr.str(item, "memberName"), (int) Attr.num(item, "points", 0),
                (int) Attr.num(item, "verifiedMinutes", 0));
    }

    static LedgerEntry entry(Map<String, AttributeValue> item) {
        return new LedgerEntry(PointsRule.valueOf(Attr.str(item, "rule")), Attr.str(item, "sourceId"),
                (int) Attr.num(item, "points", 0), (int) Attr.num(item, "wanted", 0), YearMonth.parse(Attr.str(item, "month")),
                Attr.str(item, "community"), time(item, "at"));
    }

    // ---------------------------------------------------------------- grades

    static Map<String, AttributeValue> gradeRow(String community, int year, GradeRow r) {
        Map<String, AttributeValue> item = new HashMap<>(VolunteerKeys.key(VolunteerKeys.gradesPartition(community, year),
                VolunteerKeys.MEMBER + r.memberId()));
        item.put("memberId", Attr.s(r.memberId()));
        Attr.put(item, "memberName", r.memberName());
        item.put("points", Attr.n(r.points()));
        item.put("pointsScore", AttributeValue.fromN(r.pointsScore().toPlainString()));
        item.put("assessmentScore", AttributeValue.fromN(r.assessmentScore().toPlainString()));
        item.put("assessmentMissing", Attr.bool(r.assessmentMissing()));
        item.put("residentScore", AttributeValue.fromN(r.residentScore().toPlainString()));
        item.put("residentCount", Attr.n(r.residentCount()));
        item.put("beneficiaryScore", AttributeValue.fromN(r.beneficiaryScore().toPlainString()));
        item.put("beneficiaryCount", Attr.n(r.beneficiaryCount()));
        item.put("total", AttributeValue.fromN(r.total().toPlainString()));
        item.put("computed", Attr.s(r.computed().name()));
        if (r.adjusted() != null) {
            item.put("adjusted", Attr.s(r.adjusted().name()));
            Attr.put(item, "adjustReason", r.adjustReason());
            Attr.put(item, "adjustedBy", r.adjustedBy());
            time(item, "adjustedAt", r.adjustedAt());
        }
        return item;
    }

    static GradeRow gradeRow(Map<String, AttributeValue> item) {
        String adjusted = Attr.str(item, "adjusted");
        return new GradeRow(Attr.str(item, "memberId"), Attr.str(item, "memberName"), (int) Attr.num(item, "points", 0),
                decimal(item, "pointsScore"), decimal(item, "assessmentScore"), Attr.flag(item, "assessmentMissing"),
                decimal(item, "residentScore"), Attr.num(item, "residentCount", 0), decimal(item, "beneficiaryScore"),
                Attr.num(item, "beneficiaryCount", 0), decimal(item, "total"), Grade.valueOf(Attr.str(item, "computed")),
                adjusted == null ? null : Grade.valueOf(adjusted), Attr.str(item, "adjustReason"), Attr.str(item, "adjustedBy"),
                time(item, "adjustedAt"));
    }

    private static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        return new BigDecimal(item.get(name).n()).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
