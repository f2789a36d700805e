package org.linli.cycle;

import java.time.YearMonth;

/** What a summary counts that the volunteer ports do not list by community and month (its case figures are the KPI counters). */
public interface CommunityActivity {
    /** How many members earned points or verified hours in the community in the month. */
    int activeVolunteers(String community, YearMonth month);
}
