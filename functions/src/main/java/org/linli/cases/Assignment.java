package org.linli.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.core.Ids;
import org.linli.report.ReportReceived;
import org.linli.territory.Level;
import org.linli.territory.Locator;
import org.linli.territory.Placement;
import org.linli.territory.Roster;
import org.linli.territory.TerritoryDirectory;
import org.linli.territory.WorkerChoice;
import org.linli.territory.WorkerSelection;

/**
 * Step 2-3 of the loop (案卷建立 → 任务指派): place the report, pick the worker, open the case.
 * Idempotent: the case id derives from the report id and the store refuses a second case for
 * the same report, so a message delivered twice opens one case.
 */
public final class Assignment {
    private final Locator locator;
    private final TerritoryDirectory directory;
    private final CaseStore cases;
    private final Categories categories;
    private final Clock clock;

    public Assignment(Locator locator, TerritoryDirectory directory, CaseStore cases, Categories categories, Clock clock) {
        this.locator = locator;
        this.directory = directory;
        this.cases = cases;
        this.categories = categories;
        this.clock = clock;
    }

    public Outcome assign(ReportReceived report) {
        Category category = categories.find(report.category())
                .orElseThrow(() -> new IllegalArgumentException("unknown category in message"));
        Placement placement = locator.locate(report.point(), report.buildingCode());
        Instant now = clock.instant();
        String caseId = Ids.rebrand(report.reportId(), "case");

        Case c;
        WorkerChoice choice = new WorkerChoice(null, WorkerChoice.Rule.NOBODY);
        if (placement.inGrid()) {
            String community = placement.codeAt(Level.COMMUNITY);
            List<String> nodes = new ArrayList<>();
            nodes.add(placement.grid().code());
            if (community != null) nodes.add(community);
            Map<String, Roster> rosters = directory.rosters(nodes);
            choice = WorkerSelection.choose(rosters.get(placement.grid().code()),
                    community == null ? null : rosters.get(community));
        }
        if (choice.found()) {
            Assignee assignee = new Assignee(choice.worker().userId(), choice.worker().name(), choice.rule());
            c = new Case(caseId, CaseStatus.ASSIGNED, category.code(), category.matterType(), category.emergency(),
                    List.of(report.reportId()), List.of(report.reporterId()), report.point(), report.buildingCode(),
                    placement, assignee, null, now, now.plus(category.limits().accept()), 1);
        } else {
            c = new Case(caseId, CaseStatus.UNASSIGNED, category.code(), category.matterType(), category.emergency(),
                    List.of(report.reportId()), List.of(report.reporterId()), report.point(), report.buildingCode(),
                    placement, null, placement.dispatchNode(() -> locator.currentMap().rootCode()), now, now.plus(category.limits().dispatch()), 1);
        }
        boolean created = cases.createFromReport(c, report.reportId());
        return new Outcome(c, choice.rule(), created);
    }

    /** What happened: the case as created (or as it would have been, for a redelivery). */
    public record Outcome(Case c, WorkerChoice.Rule rule, boolean created) {}
}
