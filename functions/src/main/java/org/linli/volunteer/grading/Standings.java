package org.linli.volunteer.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.core.Conflict;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.core.ValidationFailed;
import org.linli.identity.Principal;
import org.linli.json.JsonInput.TextRule;
import org.linli.json.JsonInput;
import org.linli.volunteer.Grade;
import org.linli.volunteer.GradingRules;
import org.linli.volunteer.Inputs;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.membership.Communities;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import org.linli.volunteer.membership.Memberships;
import org.linli.volunteer.points.MonthScore;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.points.YearAccount;

/**
 * Where members stand: leaderboards and the star of the month, the party organisation's
 * assessment, and the year-end grade sheet (一考双评一公示) - computed as a draft, adjusted by staff
 * with a recorded reason, then published to the community and frozen.
 */
public final class Standings {
    private static final int PAGE = 100;
    private static final int STAR_CANDIDATES = 50;

    private final PointsStore points;
    private final GradeStore grades;
    private final MemberStore members;
    private final Communities communities;
    private final GradingRules rules;
    private final Clock clock;

    public Standings(PointsStore points, GradeStore grades, MemberStore members, Communities communities, GradingRules rules,
                     Clock clock) {
        this.points = points;
        this.grades = grades;
        this.members = members;
        this.communities = communities;
        this.rules = rules;
        this.clock = clock;
    }

    public Community community(String code) {
        return communities.require(code);
    }

    // ---------------------------------------------------------------- boards

    /** {@code period} is a month ({@code 2026-11}) or a year ({@code 2026}); absent: this month. */
    public List<MonthScore> leaderboard(String code, String period, int limit) {
        community(code);
        return points.leaderboard(code, period == null ? VolunteerTime.month(clock.instant()).toString() : checkPeriod(period), limit);
    }

    public Optional<MonthScore> star(String code, String month) {
        community(code);
        YearMonth m = month(month);
        return StarOfTheMonth.pick(points.leaderboard(code, m.toString(), STAR_CANDIDATES));
    }

    /** A month is final once it is over. */
    public boolean isOver(YearMonth m) {
        return m.isBefore(VolunteerTime.month(clock.instant()));
    }

    public static YearMonth month(String s) {
        try {
            if (s.matches("\\d{4}-\\d{2}")) return YearMonth.parse(s);
        } catch (DateTimeParseException e) {
            // fall through
        }
        throw ValidationFailed.of("month", "must be a month: YYYY-MM");
    }

    private static String checkPeriod(String p) {
        if (p.matches("\\d{4}")) return p;
        return month(p).toString();
    }

    // ---------------------------------------------------------------- 一考: the assessment

    /** An entered assessment, as stored on the member's year account. */
    public record Assessment(String memberId, String memberName, int year, BigDecimal score, String note) {}

    public Assessment assess(Principal staff, String code, JsonNode body) {
        Community c = community(code);
        Memberships.requireStaffOf(staff, c);
        JsonInput in = JsonInput.root(body, Set.of("memberId", "year", "score", "note"));
        String memberId = Inputs.userId(in, "memberId", true);
        int year = requiredYear(in);
        BigDecimal score = in.requiredNumber("score", BigDecimal.ZERO, BigDecimal.valueOf(100));
        if (score != null && score.scale() > 2) in.error("score", "may have at most two decimals");
        String note = in.optionalString("note", 1, 500, TextRule.MULTI_LINE);
        in.throwIfInvalid();
        Membership m = members.membership(memberId).filter(x -> x.community().code().equals(code)
                && x.status() == MembershipStatus.APPROVED).orElseThrow(() -> ValidationFailed.of("memberId",
                "is not an approved volunteer of this community"));
        points.assess(memberId, m.name(), code, year, score, note, staff.userId(), clock.instant());
        return new Assessment(memberId, m.name(), year, score, note);
    }

    private int requiredYear(JsonInput in) {
        int thisYear = VolunteerTime.year(clock.instant());
        Integer year = in.optionalInt("year", 2000, thisYear);
        if (year == null && !in.has("year")) in.error("year", "is required");
        return year == null ? 0 : year;
    }

    // ---------------------------------------------------------------- 双评 + 一公示: the grade sheet

    /** Computes (or recomputes) the draft: every approved member and every member with a year account. */
    public GradeSheet compute(Principal staff, String code, int year) {
        Community c = community(code);
        Memberships.requireStaffOf(staff, c);
        checkYear(year);
        Optional<GradeSheet> earlier = grades.sheet(code, year);
        if (earlier.isPresent() && earlier.get().state() == GradeSheet.State.PUBLISHED) throw published(year);
        Map<String, YearAccount> accounts = new LinkedHashMap<>();
        for (YearAccount a : points.accounts(code, year)) accounts.put(a.memberId(), a);
        String cursor = null;
        do {
            Page<Membership> page = members.byStatus(code, MembershipStatus.APPROVED, PAGE, cursor);
            for (Membership m : page.items()) {
                accounts.merge(m.memberId(), YearAccount.empty(m.memberId(), m.name(), code, year),
                        (have, none) -> have.memberName() == null ? withName(have, m.name()) : have);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        List<GradeRow> rows = new ArrayList<>();
        for (YearAccount a : accounts.values()) {
            GradeRow row = Grading.grade(a, rules);
            rows.add(row.keepingAdjustmentOf(earlier.flatMap(s -> s.row(a.memberId())).orElse(null)));
        }
        rows.sort(Comparator.comparing(GradeRow::total).reversed().thenComparing(GradeRow::memberId));
        GradeSheet sheet = new GradeSheet(code, year, GradeSheet.State.DRAFT, clock.instant(), staff.userId(), null, null, rows);
        if (!grades.saveDraft(sheet)) throw published(year);
        return sheet;
    }

    private static YearAccount withName(YearAccount a, String name) {
        return new YearAccount(a.memberId(), name, a.community(), a.year(), a.points(), a.verifiedMinutes(), a.servicesVerified(),
                a.wishesFulfilled(), a.residentSum(), a.residentCount(), a.beneficiarySum(), a.beneficiaryCount(), a.assessment(),
                a.assessmentNote());
    }

    public GradeRow adjust(Principal staff, String code, int year, JsonNode body) {
        Community c = community(code);
        Memberships.requireStaffOf(staff, c);
        JsonInput in = JsonInput.root(body, Set.of("memberId", "grade", "reason"));
        String memberId = Inputs.userId(in, "memberId", true);
        Grade grade = in.requiredEnum("grade", Grade.class);
        String reason = in.requiredString("reason", 1, 500, TextRule.MULTI_LINE);
        in.throwIfInvalid();
        GradeSheet sheet = grades.sheet(code, year).orElseThrow(() -> new NotFound("No grades for " + year + " yet: compute them first."));
        if (sheet.state() == GradeSheet.State.PUBLISHED) throw published(year);
        GradeRow row = sheet.row(memberId).orElseThrow(() -> ValidationFailed.of("memberId", "has no grade in this sheet"));
        GradeRow adjusted = row.adjustedTo(grade, reason, staff.userId(), clock.instant());
        if (!grades.adjust(code, year, adjusted)) throw published(year);
        return adjusted;
    }

    public GradeSheet publish(Principal staff, String code, int year) {
        Community c = community(code);
        Memberships.requireStaffOf(staff, c);
        GradeSheet sheet = grades.sheet(code, year).orElseThrow(() -> new NotFound("No grades for " + year + " yet: compute them first."));
        if (sheet.state() == GradeSheet.State.PUBLISHED) throw published(year);
        GradeSheet published = new GradeSheet(code, year, GradeSheet.State.PUBLISHED, sheet.computedAt(), sheet.computedBy(),
                clock.instant(), staff.userId(), sheet.rows());
        if (!grades.publish(published)) throw published(year);
        return published;
    }

    /** Staff of the community read the draft; everyone reads the published list (names masked by the view). */
    public GradeSheet read(Principal me, String code, int year) {
        Community c = community(code);
        Optional<GradeSheet> sheet = grades.sheet(code, year);
        if (sheet.isPresent() && (sheet.get().state() == GradeSheet.State.PUBLISHED || me.covers(c.path()))) return sheet.get();
        throw new NotFound("The grades of " + code + " for " + year + " are not published.");
    }

    private void checkYear(int year) {
        if (year < 2000 || year > VolunteerTime.year(clock.instant())) throw ValidationFailed.of("year", "must be this year or an earlier one");
    }

    private static Conflict published(int year) {
        return new Conflict("GRADES_PUBLISHED", "The grades of " + year + " are published and can no longer change.", Map.of());
    }

    public static int year(String s) {
        if (!s.matches("\\d{4}")) throw ValidationFailed.of("year", "must be a year: YYYY");
        return Integer.parseInt(s);
    }
}
