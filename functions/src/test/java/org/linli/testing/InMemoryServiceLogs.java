package org.linli.testing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.linli.core.Page;
import org.linli.volunteer.Rating;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.servicelog.LogDay;
import org.linli.volunteer.servicelog.LogStatus;
import org.linli.volunteer.servicelog.ServiceLog;
import org.linli.volunteer.servicelog.ServiceLogStore;

/**
 * Service logs and day sheets in maps, with the adapter's conditions: a log id is stored once; a log lands only
 * over the day sheet's version it was checked against (version 0: no sheet yet); a verification only on a
 * PENDING log, with its award appended to the ledger it shares with {@link InMemoryPoints} (once per member,
 * year, rule and source, and only while the month's earned points leave room under the cap); a rejection takes
 * the interval off the day sheet without moving its version (the adapter's update does not); a rating only by
 * the beneficiary, once, on a VERIFIED log. Listings are ordered by the service's start as the indexes' sort key
 * ({@code <start>#<id>}) and page by position (the cursor is an offset; a full page has one).
 */
public final class InMemoryServiceLogs implements ServiceLogStore {
    public final Map<String, ServiceLog> byId = new ConcurrentHashMap<>();
    private final Map<String, LogDay> days = new HashMap<>();
    private final List<PointsAward> ledger;
    private final MemberStore members;

    public InMemoryServiceLogs(List<PointsAward> ledger, MemberStore members) {
        this.ledger = ledger;
        this.members = members;
    }

    private static String dayKey(String memberId, LocalDate day) {
        return memberId + "#" + day;
    }

    @Override
    public synchronized LogContext context(String memberId, LocalDate day) {
        return new LogContext(members.membership(memberId), days.getOrDefault(dayKey(memberId, day), LogDay.empty(memberId, day)));
    }

    @Override
    public synchronized InsertOutcome insert(ServiceLog log, LogDay before) {
        if (byId.containsKey(log.id())) return InsertOutcome.ID_TAKEN;
        String key = dayKey(log.memberId(), before.day());
        LogDay now = days.get(key);
        if ((now == null ? 0 : now.version()) != before.version()) return InsertOutcome.DAY_CHANGED;
        Map<String, LogDay.Interval> entries = new LinkedHashMap<>(now == null ? Map.of() : now.entries());
        entries.put(log.id(), new LogDay.Interval(log.start(), log.end()));
        days.put(key, new LogDay(log.memberId(), before.day(), entries, (now == null ? 0 : now.minutes()) + log.minutes(),
                before.version() + 1));
        byId.put(log.id(), log);
        return InsertOutcome.STORED;
    }

    @Override
    public Optional<ServiceLog> find(String logId) {
        return Optional.ofNullable(byId.get(logId));
    }

    private boolean pending(ServiceLog next) {
        ServiceLog now = byId.get(next.id());
        return now != null && now.status() == LogStatus.PENDING;
    }

    @Override
    public synchronized AwardOutcome verify(ServiceLog verified, PointsAward award) {
        if (!pending(verified)) return AwardOutcome.STALE;
        synchronized (ledger) {
            boolean earned = ledger.stream().anyMatch(a -> a.memberId().equals(award.memberId()) && a.year() == award.year()
                    && a.rule() == award.rule() && a.sourceId().equals(award.sourceId()));
            if (earned) return AwardOutcome.DUPLICATE;
            int monthEarned = ledger.stream().filter(a -> a.memberId().equals(award.memberId()) && a.month().equals(award.month())
                    && a.points() > 0).mapToInt(PointsAward::points).sum();
            if (award.points() > 0 && monthEarned > award.earnedLimit()) return AwardOutcome.CAP_REACHED;
            ledger.add(award);
        }
        byId.put(verified.id(), verified);
        return AwardOutcome.DONE;
    }

    @Override
    public synchronized boolean reject(ServiceLog rejected) {
        if (!pending(rejected)) return false;
        byId.put(rejected.id(), rejected);
        LocalDate d = VolunteerTime.day(rejected.start());
        LogDay now = days.getOrDefault(dayKey(rejected.memberId(), d), LogDay.empty(rejected.memberId(), d));
        Map<String, LogDay.Interval> entries = new LinkedHashMap<>(now.entries());
        entries.remove(rejected.id());
        days.put(dayKey(rejected.memberId(), d), new LogDay(now.memberId(), d, entries, now.minutes() - rejected.minutes(), now.version()));
        return true;
    }

    @Override
    public synchronized RateResult rate(String logId, String beneficiaryId, Rating rating) {
        ServiceLog now = byId.get(logId);
        if (now == null || !beneficiaryId.equals(now.beneficiaryId()) || now.status() != LogStatus.VERIFIED || now.rating() != null) {
            return new RateResult(false, Optional.ofNullable(now));
        }
        ServiceLog rated = new ServiceLog(now.id(), now.memberId(), now.memberName(), now.community(), now.type(), now.start(),
                now.end(), now.beneficiaryId(), now.wishId(), now.description(), now.evidenceKeys(), now.status(), now.createdAt(),
                now.fingerprint(), now.decidedBy(), now.verifiedVia(), now.decidedAt(), now.rejectReason(), now.points(), rating);
        byId.put(logId, rated);
        return new RateResult(true, Optional.of(rated));
    }

    @Override
    public Page<ServiceLog> byMember(String memberId, int limit, String cursor) {
        return page(l -> l.memberId().equals(memberId), true, limit, cursor);
    }

    @Override
    public Page<ServiceLog> byCommunity(String communityCode, LogStatus status, int limit, String cursor) {
        return page(l -> l.community().code().equals(communityCode) && l.status() == status, false, limit, cursor);
    }

    @Override
    public Page<ServiceLog> byBeneficiary(String userId, int limit, String cursor) {
        return page(l -> userId.equals(l.beneficiaryId()), true, limit, cursor);
    }

    private Page<ServiceLog> page(Predicate<ServiceLog> which, boolean newestFirst, int limit, String cursor) {
        Comparator<ServiceLog> order = Comparator.comparing(ServiceLog::start).thenComparing(ServiceLog::id);
        List<ServiceLog> all = byId.values().stream().filter(which).sorted(newestFirst ? order.reversed() : order).toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(Math.min(from, to), to), to - from == limit ? String.valueOf(to) : null);
    }
}
