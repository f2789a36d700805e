package org.linli.cycle;

import java.time.YearMonth;
import org.linli.cases.Case;
import org.linli.core.Page;

/** What a summary counts that the volunteer and case ports do not list by community and month. */
public interface CommunityActivity {
    /** The cases opened in the community in the month (their placement's community), a page at a time. */
    Page<Case> casesOpened(String community, YearMonth month, int limit, String cursor);

    /** How many members earned points or verified hours in the community in the month. */
    int activeVolunteers(String community, YearMonth month);
}
