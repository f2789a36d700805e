package org.linli.cycle;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.linli.cases.CaseStore;
import org.linli.cases.Tier;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.notify.Recipients;
import org.linli.territory.Level;
import org.linli.territory.TerritoryDirectory;
import org.linli.volunteer.membership.Communities;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import org.linli.volunteer.wishes.Wish;
import org.linli.volunteer.wishes.WishState;
import org.linli.volunteer.wishes.WishStore;

/**
 * Where each audience's people are listed: the community's roster (its dispatchers) for the
 * staff; its approved registrations for the members, read page by page from the registrations
 * index; the residents of its wishes in the states that concern them. Large audiences are paged
 * by the store's own cursor, so a page is one query whatever the audience's size.
 */
public final class CommunityAudiences implements AudienceReader {
    private final Communities communities;
    private final TerritoryDirectory territory;
    private final MemberStore members;
    private final WishStore wishes;
    private final CaseStore cases;
    private final Summaries summaries;
    private final Function<String, Map<String, Integer>> visitsDue;
    private final java.util.function.ToIntFunction<String> periodsBegun;
    private final Clock clock;

    /**
     * Whether a step opens the month - it falls due on the 1st (chengqu: contact; pingcheng: collect): where the 包联
     * periods beginning this month are counted due. Two such steps both count, harmlessly (the count is idempotent).
     */
    public static boolean opensMonth(DispatchWork work) {
        return work.firedOn() != null && work.firedOn().getDayOfMonth() == 1;
    }

    /**
     * {@code visitsDue}: a community's 包联 persons and how many of their households are still to visit this period;
     * {@code periodsBegun}: counts a community's bound households due whose period begins this month (idempotent).
     */
    public CommunityAudiences(Communities communities, TerritoryDirectory territory, MemberStore members, WishStore wishes,
                              CaseStore cases, Summaries summaries, Function<String, Map<String, Integer>> visitsDue,
                              java.util.function.ToIntFunction<String> periodsBegun, Clock clock) {
        this.visitsDue = visitsDue;
        this.periodsBegun = periodsBegun;
        this.communities = communities;
        this.territory = territory;
        this.members = members;
        this.wishes = wishes;
        this.cases = cases;
        this.summaries = summaries;
        this.clock = clock;
    }

    @Override
    public Session open(DispatchWork work) {
        Community community = communities.find(work.community()).orElseThrow(() -> new NotFound("community", work.community()));
        // Before anyone is told: the visits due of the periods beginning now (each household once, however often this runs).
        if (opensMonth(work)) periodsBegun.applyAsInt(community.code());
        return new CommunitySession(work, community);
    }

    private final class CommunitySession implements Session {
        private final DispatchWork work;
        private final Community community;
        private List<String> staff;
        private Map<String, Integer> claims;

        CommunitySession(DispatchWork work, Community community) {
            this.work = work;
            this.community = community;
        }

        @Override
        public Page<Recipient> page(CycleAudience audience, String cursor, int limit) {
            return switch (audience) {
                case STAFF -> staff(Map.of());
                case STAFF_PENDING_WISHES -> countedStaff(countWishes(WishState.PENDING_REVIEW));
                case STAFF_OVERDUE_CASES -> countedStaff(countOverdueCases());
                case STAFF_SUMMARY -> staff(summaries.of(community, work.cycleMonth()).values());
                case MEMBERS -> approved(cursor, limit, m -> Map.of());
                case MEMBERS_SERVICE_DAY -> approved(cursor, limit,
                        m -> Map.of("count", String.valueOf(claims().getOrDefault(m.memberId(), 0))));
                case RESIDENTS_WITH_OPEN_WISHES -> residents(List.of(WishState.PUBLISHED, WishState.CLAIMED), cursor, limit);
                case RESIDENTS_TO_CONFIRM -> residents(List.of(WishState.COMPLETED), cursor, limit);
                // Tens of bound persons per community: one page.
                case BOUND_VISITS_DUE -> new Page<>(visitsDue.apply(community.code()).entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> new Recipient(e.getKey(), Map.of("count", String.valueOf(e.getValue())))).toList(), null);
            };
        }

        private Page<Recipient> staff(Map<String, String> values) {
            if (staff == null) {
                staff = Recipients.dispatchers(territory.rosters(List.of(community.code())).get(community.code()));
            }
            return new Page<>(staff.stream().map(u -> new Recipient(u, values)).toList(), null);
        }

        /** Staff are told of work waiting for them only when there is some. */
        private Page<Recipient> countedStaff(int count) {
            return count == 0 ? new Page<>(List.of(), null) : staff(Map.of("count", String.valueOf(count)));
        }

        private Page<Recipient> approved(String cursor, int limit, Function<Membership, Map<String, String>> values) {
            Page<Membership> page = members.byStatus(community.code(), MembershipStatus.APPROVED, limit, cursor);
            return new Page<>(page.items().stream().map(m -> new Recipient(m.memberId(), values.apply(m))).toList(),
                    page.nextCursor());
        }

        /** The residents of the community's wishes in {@code states}, one state after the other ({@code <state index>:<cursor>}). */
        private Page<Recipient> residents(List<WishState> states, String cursor, int limit) {
            int i = 0;
            String inner = null;
            if (cursor != null) {
                int colon = cursor.indexOf(':');
                i = Integer.parseInt(cursor.substring(0, colon));
                inner = colon + 1 == cursor.length() ? null : cursor.substring(colon + 1);
            }
            Page<Wish> page = wishes.byState(community.code(), states.get(i), null, limit, inner);
            String next = page.nextCursor() != null ? i + ":" + page.nextCursor() : i + 1 < states.size() ? (i + 1) + ":" : null;
            return new Page<>(page.items().stream().map(w -> new Recipient(w.residentId(), Map.of())).toList(), next);
        }

        private Map<String, Integer> claims() {
            if (claims == null) {
                Map<String, Integer> m = new HashMap<>();
                Paging.each((limit, cursor) -> wishes.byState(community.code(), WishState.CLAIMED, null, limit, cursor),
                        w -> m.merge(w.claim().memberId(), 1, Integer::sum));
                claims = m;
            }
            return claims;
        }

        private int countWishes(WishState state) {
            int[] n = {0};
            Paging.each((limit, cursor) -> wishes.byState(community.code(), state, null, limit, cursor), w -> n[0]++);
            return n[0];
        }

        /** Open community-level cases of this community past their limit, from its supervisor's overdue list. */
        private int countOverdueCases() {
            List<String> path = community.path();
            String supervisor = path.size() > 1 ? path.get(path.size() - 2) : community.code();
            int[] n = {0};
            Paging.each((limit, cursor) -> cases.overdue(supervisor, Tier.COMMUNITY, clock.instant(), limit, cursor), c -> {
                if (community.code().equals(c.placement().codeAt(Level.COMMUNITY))) n[0]++;
            });
            return n[0];
        }
    }
}
