package org.linli.kpi;

import java.time.YearMonth;
import java.util.List;
import org.linli.cases.CaseEvent;
import org.linli.core.Page;

/** The read side of the cases table that KPIs need. */
public interface CaseTrails {
    /** A case's whole audit trail, oldest first, read consistently; empty for an unknown case. */
    List<CaseEvent> trail(String caseId);

    /** Ids of the cases opened in {@code month} (Asia/Shanghai), oldest first, a page at a time. */
    Page<String> openedIn(YearMonth month, int limit, String cursor);
}
