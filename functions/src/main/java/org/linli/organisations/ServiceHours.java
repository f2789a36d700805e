package org.linli.organisations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.volunteer.points.MonthScore;

/**
 * Verified service hours summed per organisation for a month ({@code 2026-11}) or a year
 * ({@code 2026}): the organisations and their member links (one read of the community's
 * partition), and the period's board of the points ledger, whose rows carry each member's verified
 * minutes (one read). The monthly summary and the year-end view both call this - one definition of
 * an organisation's hours, so the two cannot disagree.
 *
 * <p>The board is read in one page of at most {@link #BOARD_ROWS} members: a community with more
 * active volunteers in one period than that would be under-counted (the largest in the seeds has a
 * few hundred).
 */
public final class ServiceHours {
    public static final int BOARD_ROWS = 1000;

    /** The period's board of the points ledger: each member's row with his verified minutes (PointsStore.leaderboard). */
    @FunctionalInterface
    public interface Board {
        List<MonthScore> rows(String community, String period, int limit);
    }

    private final OrganisationStore organisations;
    private final Board board;

    public ServiceHours(OrganisationStore organisations, Board board) {
        this.organisations = organisations;
        this.board = board;
    }

    /** Every organisation of the community with its hours in {@code period}, most hours first (organisations without any too). */
    public List<OrganisationHours> of(String community, String period) {
        OrganisationStore.Roster roster = organisations.roster(community);
        if (roster.organisations().isEmpty()) return List.of();
        Map<String, Integer> minutesByMember = new HashMap<>();
        for (MonthScore row : board.rows(community, period, BOARD_ROWS)) {
            minutesByMember.merge(row.memberId(), row.verifiedMinutes(), Integer::sum);
        }
        return sum(roster, minutesByMember);
    }

    static List<OrganisationHours> sum(OrganisationStore.Roster roster, Map<String, Integer> minutesByMember) {
        Map<String, int[]> byOrg = new HashMap<>(); // members, active, minutes
        for (Organisation o : roster.organisations()) byOrg.put(o.id(), new int[3]);
        for (MemberLink link : roster.links()) {
            int[] t = byOrg.get(link.organisationId());
            if (t == null) continue; // a link to an organisation no longer listed counts nowhere
            t[0]++;
            int minutes = minutesByMember.getOrDefault(link.memberId(), 0);
            if (minutes > 0) {
                t[1]++;
                t[2] += minutes;
            }
        }
        List<OrganisationHours> out = new ArrayList<>();
        for (Organisation o : roster.organisations()) {
            int[] t = byOrg.get(o.id());
            out.add(new OrganisationHours(o.id(), o.name(), o.kind(), t[0], t[1], t[2]));
        }
        out.sort(Comparator.comparingInt(OrganisationHours::minutes).reversed().thenComparing(OrganisationHours::name));
        return out;
    }
}
