package org.linli.cycle;

import java.util.Set;

/**
 * Who a cycle message goes to, and which values its text may use. The audiences are code (each
 * knows where its people are listed); which audiences a step reaches, and the words, are
 * configuration ({@code /config/cycle.json}).
 */
public enum CycleAudience {
    /** The community's staff: the dispatchers on its roster, not on leave. */
    STAFF,
    /** The staff, when wishes wait for review (分类); {@code count} of them. */
    STAFF_PENDING_WISHES("count"),
    /** The staff, when the community's cases are past their limits; {@code count} of them. */
    STAFF_OVERDUE_CASES("count"),
    /** The staff, with the community's stored summary of the cycle month. */
    STAFF_SUMMARY("collected", "classified", "served", "rated", "casesReceived", "casesResolved",
            "casesOverdue", "volunteersActive"),
    /** Every approved party member of the community (一月一联). */
    MEMBERS,
    /** Every approved member, with {@code count}: the wishes he holds for the service day. */
    MEMBERS_SERVICE_DAY("count"),
    /** Residents whose wishes are published or claimed: the service day concerns them. */
    RESIDENTS_WITH_OPEN_WISHES,
    /** Residents whose wishes were served and wait for their confirmation and rating (群众评单). */
    RESIDENTS_TO_CONFIRM,
    /** The 包联 persons of the community with households still to visit this period; {@code count} of them (registers.Visits). */
    BOUND_VISITS_DUE("count");

    /** Values every message may use: the cycle month, the step's deadline and its event date. */
    public static final Set<String> COMMON = Set.of("month", "deadline", "date");

    private final Set<String> values;

    CycleAudience(String... values) {
        this.values = Set.of(values);
    }

    public boolean allows(String placeholder) {
        return COMMON.contains(placeholder) || values.contains(placeholder);
    }
}
