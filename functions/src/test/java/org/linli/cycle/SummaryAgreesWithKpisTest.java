package org.linli.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.cases.Case;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.CommandParser;
import org.linli.cases.OverdueSweep;
import org.linli.core.Page;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.kpi.CaseFacts;
import org.linli.kpi.CaseTrails;
import org.linli.kpi.Counter;
import org.linli.kpi.KpiFolder;
import org.linli.kpi.Tally;
import org.linli.testing.CaseWorld;
import org.linli.testing.InMemoryCycleStore;
import org.linli.testing.InMemoryKpiStore;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.wishes.WishStore;

/**
 * Issue 13 defect 8: for the same community and month the monthly summary said 办结 3, 超期 1 while
 * /kpis said closed 2, overdue 0 - the summary counted RESOLVED and FED_BACK as 办结 and manual
 * escalations as 超期. Both now come from one definition (CaseFacts, folded into the KPI counters).
 */
class SummaryAgreesWithKpisTest {
    private static final Community C1 = new Community("C1", "柳园社区", List.of("D", "S1", "C1"));
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private final CaseWorld world = new CaseWorld();
    private final InMemoryKpiStore kpis = new InMemoryKpiStore();
    private int n;

    private void act(Case c, CaseAction a, String body, Role role) {
        world.workflow.act(c.id(), CommandParser.parse(a, Json.parse(body), "k" + (++n)), CaseWorld.actor(role));
    }

    @Test
    void theSummarysCaseFiguresAreTheKpisFiguresOfTheCommunityAndMonth() {
        List<Case> cases = new ArrayList<>();
        // Closed by the reporter's verdict: 办结 and closed.
        Case closed = world.fixture(CaseStatus.FED_BACK);
        act(closed, CaseAction.VERDICT, "{\"verdict\":\"SATISFIED\"}", Role.RESIDENT);
        // Resolved and fed back, not closed: neither.
        Case resolved = world.fixture(CaseStatus.IN_PROGRESS);
        act(resolved, CaseAction.RESOLVE, "{\"result\":\"已清理\"}", Role.GRID_WORKER);
        Case fedBack = world.fixture(CaseStatus.RESOLVED);
        act(fedBack, CaseAction.FEED_BACK, "{}", Role.GRID_WORKER);
        // Escalated by its worker in time: not overdue. Left past its limit and escalated by the sweep: overdue.
        Case escalated = world.fixture(CaseStatus.ACCEPTED);
        act(escalated, CaseAction.ESCALATE, "{\"reason\":\"需要街道协调\"}", Role.GRID_WORKER);
        Case late = world.fixture(CaseStatus.ASSIGNED);
        world.clock.advance(Duration.ofHours(2)); // past every fixture's one-hour deadline
        new OverdueSweep(world.table.caseStore, world.workflow, world.clock).run(100);
        for (String id : List.of(closed.id(), resolved.id(), fedBack.id(), escalated.id(), late.id())) cases.add(world.table.cases.get(id));

        CaseTrails trails = new CaseTrails() {
            @Override
            public List<CaseEvent> trail(String caseId) {
                return List.copyOf(world.table.audit.getOrDefault(caseId, List.of()));
            }

            @Override
            public Page<String> openedIn(YearMonth month, int limit, String cursor) {
                return new Page<>(cases.stream().map(Case::id).toList(), null);
            }
        };
        KpiFolder folder = new KpiFolder(trails, kpis);
        for (Case c : cases) folder.fold(c.id(), c.version());
        Tally kpi = kpis.unit("C1", NOV).orElseThrow().tally();

        Summaries summaries = summaries();
        MonthlySummary s = summaries.of(C1, NOV);
        assertEquals(kpi.get(Counter.RECEIVED), s.casesReceived(), "受理 = received");
        assertEquals(kpi.get(Counter.CLOSED), s.casesResolved(), "办结 = closed");
        assertEquals(kpi.get(Counter.OVERDUE), s.casesOverdue(), "超期 = overdue");
        assertEquals(5, s.casesReceived());
        assertEquals(1, s.casesResolved(), "only the closed case");
        assertEquals(1, s.casesOverdue(), "only the case the sweep found late");
        assertEquals(NOV, CaseFacts.monthOf(closed.createdAt()));
    }

    private Summaries summaries() {
        // No wishes in the community: the fake wish store, empty.
        WishStore noWishes = new org.linli.testing.InMemoryWishes(new org.linli.testing.InMemoryMembers());
        return new Summaries(noWishes, (community, month) -> 0, kpis, new InMemoryCycleStore(), new org.linli.organisations.ServiceHours(new org.linli.organisations.InMemoryOrganisationStore(), (c, p, n) -> java.util.List.of()), world.clock);
    }
}
