package org.linli.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.LedgerEntry;
import org.linli.volunteer.points.MonthScore;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.points.PointsRule;
import org.linli.volunteer.points.PointsStatement;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.points.RatingEvent;
import org.linli.volunteer.points.RatingKind;
import org.linli.volunteer.points.YearAccount;

/**
 * The points ledger in memory, with the adapter's rules (PointsStoreContract holds both to them): a source earns under
 * a rule once; a positive award only while the month's earned points leave room under its cap; a rating folds once,
 * only for a registered member, into his lifetime aggregates and his year's sums. The ledger list may be shared with
 * the subjects' fakes that append awards beside their own writes ({@link InMemoryWishes#awards}); a year account,
 * a month and a leaderboard are computed from it as the adapter's items add them up.
 */
public final class InMemoryPoints implements PointsStore {
    private final List<PointsAward> ledger;
    private final InMemoryMembers members;
    private final Set<String> ratings = new HashSet<>();
    private final Map<String, Integer> appraisals = new HashMap<>();
    /** member#year → what ratings and the assessment add to the year account. */
    private final Map<String, Extra> extras = new HashMap<>();

    /** Rating sums, the assessment, and who the account says the member is (the last write's name and community). */
    private static final class Extra {
        String memberName;
        String community;
        long residentSum;
        long residentCount;
        long beneficiarySum;
        long beneficiaryCount;
        BigDecimal assessment;
        String assessmentNote;
    }

    public InMemoryPoints(List<PointsAward> ledger, InMemoryMembers members) {
        this.ledger = ledger;
        this.members = members;
    }

    @Override
    public int monthEarned(String memberId, YearMonth month) {
        synchronized (ledger) {
            return ledger.stream().filter(a -> a.memberId().equals(memberId) && a.month().equals(month) && a.points() > 0)
                    .mapToInt(PointsAward::points).sum();
        }
    }

    @Override
    public Optional<PointsStatement> statement(String memberId, int year) {
        synchronized (ledger) {
            Optional<YearAccount> account = account(memberId, year);
            if (account.isEmpty()) return Optional.empty();
            List<PointsAward> awards = awards(memberId, year);
            Map<YearMonth, List<PointsAward>> byMonth = new TreeMap<>();
            for (PointsAward a : awards) byMonth.computeIfAbsent(a.month(), k -> new ArrayList<>()).add(a);
            List<MonthScore> months = new ArrayList<>();
            byMonth.forEach((m, as) -> months.add(monthScore(m.toString(), memberId, as)));
            List<LedgerEntry> entries = awards.stream().sorted(Comparator.comparing(PointsAward::at))
                    .map(a -> new LedgerEntry(a.rule(), a.sourceId(), a.points(), a.wanted(), a.month(), a.community(), a.at())).toList();
            return Optional.of(new PointsStatement(account.get(), months, entries));
        }
    }

    @Override
    public List<YearAccount> accounts(String communityCode, int year) {
        synchronized (ledger) {
            Set<String> memberIds = new java.util.TreeSet<>();
            for (PointsAward a : ledger) if (a.year() == year) memberIds.add(a.memberId());
            extras.keySet().forEach(k -> {
                if (k.endsWith("#" + year)) memberIds.add(k.substring(0, k.lastIndexOf('#')));
            });
            return memberIds.stream().map(m -> account(m, year).orElseThrow()).filter(a -> communityCode.equals(a.community())).toList();
        }
    }

    @Override
    public List<MonthScore> leaderboard(String communityCode, String period, int limit) {
        synchronized (ledger) {
            boolean year = !period.contains("-");
            Map<String, List<PointsAward>> byMember = new LinkedHashMap<>();
            for (PointsAward a : ledger) {
                if (year ? a.year() == Integer.parseInt(period) : a.month().toString().equals(period)) {
                    byMember.computeIfAbsent(a.memberId(), k -> new ArrayList<>()).add(a);
                }
            }
            List<MonthScore> rows = new ArrayList<>();
            byMember.forEach((member, as) -> {
                // The row is on the board of the community its last award named, as the item's board key is.
                String community = as.get(as.size() - 1).community();
                if (!community.equals(communityCode)) return;
                if (year) {
                    YearAccount a = account(member, Integer.parseInt(period)).orElseThrow();
                    rows.add(new MonthScore(period, member, a.memberName(), a.points(), a.verifiedMinutes()));
                } else {
                    rows.add(monthScore(period, member, as));
                }
            });
            rows.sort(Comparator.comparingInt(MonthScore::points).reversed());
            return rows.subList(0, Math.min(limit, rows.size()));
        }
    }

    @Override
    public void assess(String memberId, String memberName, String communityCode, int year, BigDecimal score, String note,
                       String by, Instant at) {
        synchronized (ledger) {
            Extra e = extra(memberId, year, memberName, communityCode);
            e.assessment = score;
            e.assessmentNote = note;
        }
    }

    @Override
    public AwardOutcome fold(RatingEvent e, PointsAward award) {
        synchronized (ledger) {
            if (ratings.contains(e.eventId())) return AwardOutcome.DUPLICATE;
            Membership m = members.membership(e.memberId())
                    .orElseThrow(() -> new IllegalStateException("rating " + e.eventId() + " names a member with no registration"));
            if (award != null) {
                if (awards(award.memberId(), award.year()).stream().anyMatch(a -> a.rule() == award.rule()
                        && a.sourceId().equals(award.sourceId()))) {
                    return AwardOutcome.DUPLICATE;
                }
                if (award.points() > 0 && monthEarned(award.memberId(), award.month()) > award.earnedLimit()) return AwardOutcome.CAP_REACHED;
            }
            ratings.add(e.eventId());
            members.byId.put(m.memberId(), new Membership(m.memberId(), m.community(), m.name(), m.phone(), m.skills(),
                    m.availability(), m.partyOrganisation(), m.status(), m.registeredAt(), m.decidedAt(), m.decidedBy(),
                    m.declineReason(), m.ratingSum() + e.score(), m.ratingCount() + 1));
            Extra x = extra(e.memberId(), e.year(), e.memberName(), e.community());
            if (e.kind() == RatingKind.APPRAISAL) {
                x.residentSum += e.score();
                x.residentCount++;
            } else {
                x.beneficiarySum += e.score();
                x.beneficiaryCount++;
            }
            if (award != null) ledger.add(award);
            return AwardOutcome.DONE;
        }
    }

    @Override
    public Optional<Integer> appraise(RatingEvent appraisal) {
        synchronized (ledger) {
            return Optional.ofNullable(appraisals.putIfAbsent(appraisal.eventId(), appraisal.score()));
        }
    }

    private Extra extra(String memberId, int year, String memberName, String community) {
        Extra e = extras.computeIfAbsent(memberId + "#" + year, k -> new Extra());
        if (memberName != null) e.memberName = memberName;
        e.community = community;
        return e;
    }

    private List<PointsAward> awards(String memberId, int year) {
        return ledger.stream().filter(a -> a.memberId().equals(memberId) && a.year() == year).toList();
    }

    /** The year account as the adapter's item adds it up; empty when nothing was written for that member and year. */
    private Optional<YearAccount> account(String memberId, int year) {
        List<PointsAward> awards = awards(memberId, year);
        Extra e = extras.get(memberId + "#" + year);
        if (awards.isEmpty() && e == null) return Optional.empty();
        String name = e == null ? null : e.memberName;
        String community = e == null ? null : e.community;
        PointsAward last = awards.isEmpty() ? null : awards.get(awards.size() - 1);
        if (last != null && (e == null || e.community == null)) community = last.community();
        if (name == null && last != null) name = last.memberName();
        int points = awards.stream().mapToInt(PointsAward::points).sum();
        int minutes = awards.stream().filter(a -> a.rule() == PointsRule.VERIFIED_SERVICE).mapToInt(PointsAward::minutes).sum();
        int services = (int) awards.stream().filter(a -> a.rule() == PointsRule.VERIFIED_SERVICE).count();
        int wishes = (int) awards.stream().filter(a -> a.rule() == PointsRule.FULFILLED_WISH).count();
        return Optional.of(new YearAccount(memberId, name, community, year, points, minutes, services, wishes,
                e == null ? 0 : e.residentSum, e == null ? 0 : e.residentCount, e == null ? 0 : e.beneficiarySum,
                e == null ? 0 : e.beneficiaryCount, e == null ? null : e.assessment, e == null ? null : e.assessmentNote));
    }

    private static MonthScore monthScore(String period, String memberId, List<PointsAward> awards) {
        String name = null;
        for (PointsAward a : awards) if (a.memberName() != null) name = a.memberName();
        return new MonthScore(period, memberId, name, awards.stream().mapToInt(PointsAward::points).sum(),
                awards.stream().mapToInt(PointsAward::minutes).sum());
    }
}
