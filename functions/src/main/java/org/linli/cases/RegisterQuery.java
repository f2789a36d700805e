package org.linli.cases;

import java.time.Instant;
import java.util.Set;
import org.linli.categories.MatterType;

/**
 * One listing of the case register (事件台账): the cases under {@code unit} (a territory node the
 * caller covers) that pass every filter set. {@code street} is the unit's street - the register's
 * partition - or null when the unit lies above any street (a district, the city), which the store
 * reads month by month from {@code openedBefore} back to {@code openedFrom}. Opened times are a
 * half-open range [openedFrom, openedBefore); null ends are open. {@code overdue} means "open and
 * past its current deadline at {@code now}". {@code phoneTail} (a reporter's phone's last four
 * digits) and {@code caseId} are searches: the store starts from them instead of the unit.
 */
public record RegisterQuery(String unit, String street, Set<CaseStatus> statuses, String category, MatterType matterType,
                            String source, Instant openedFrom, Instant openedBefore, boolean overdue, Instant now,
                            String phoneTail, String caseId) {
    public RegisterQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (unit == null) throw new IllegalArgumentException("a register listing needs its unit");
    }

    /** The unit is the street itself: no filter on the path is needed within the street's partition. */
    public boolean wholeStreet() {
        return unit.equals(street);
    }

    /** Every filter, on a case already read (a case id, the cases of a phone's reports): the store's filter, in memory. */
    public boolean matches(Case c) {
        if (!c.territoryPath().contains(unit)) return false;
        if (!statuses.isEmpty() && !statuses.contains(c.status())) return false;
        if (category != null && !category.equals(c.category())) return false;
        if (matterType != null && matterType != c.matterType()) return false;
        if (source != null && !source.equals(c.source())) return false;
        if (openedFrom != null && c.createdAt().isBefore(openedFrom)) return false;
        if (openedBefore != null && !c.createdAt().isBefore(openedBefore)) return false;
        return !overdue || (c.status().open() && c.overdue(now));
    }
}
