package org.linli.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.linli.categories.MatterType;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.core.Times;
import org.linli.core.ValidationFailed;
import org.linli.identity.Principal;
import org.linli.territory.Level;
import org.linli.territory.MapInfo;
import org.linli.territory.RegistryNode;
import org.linli.territory.TerritoryRegistry;

/**
 * The case register (事件台账): every case in a unit of the caller's territory, filtered, a page at
 * a time. The unit decides the index (see docs/data-model.md, "the case register"): a street and
 * anything under it read the street's partition of {@code ByUnit}, newest first; a unit above the
 * streets reads {@code ByMonth}, one month per query, back to {@code openedFrom} or at most
 * {@link #REACH_MONTHS} months. Either way a page costs a bounded number of calls (the store's).
 */
public final class CaseRegister {
    /** How far back a district's or the city's register reaches when no opening date is given. */
    public static final int REACH_MONTHS = 36;

    private final CaseStore cases;
    private final TerritoryRegistry territory;
    private final Clock clock;

    public CaseRegister(CaseStore cases, TerritoryRegistry territory, Clock clock) {
        this.cases = cases;
        this.territory = territory;
        this.clock = clock;
    }

    /** The filters as the request gives them, validated for form; days are Asia/Shanghai calendar days, inclusive. */
    public record Filters(String unit, Set<CaseStatus> statuses, String category, MatterType matterType, String source,
                          LocalDate openedFrom, LocalDate openedTo, boolean overdue, String phoneTail, String caseId) {}

    public Page<Case> list(Principal me, Filters f, int limit, String cursor) {
        if (!me.isStaff()) throw new Forbidden("The case register is for staff.");
        MapInfo map = territory.currentMap();
        String unitCode = f.unit() != null ? f.unit() : defaultUnit(me, map);
        RegistryNode unit = territory.node(map.version(), unitCode).filter(n -> !n.compound()).orElseThrow(() -> me.isAdmin()
                ? new NotFound("territory node", unitCode)
                // Staff learn nothing of codes outside their map: a department's cases are its tasks (GET /departments/{code}/tasks).
                : new Forbidden("The unit " + unitCode + " is not a street, community or grid of your territory."));
        if (!me.covers(unit.path())) throw new Forbidden("The unit " + unitCode + " is outside your territory.");
        String street = street(unit);
        Instant from = f.openedFrom() == null ? null : f.openedFrom().atStartOfDay(Times.CHINA).toInstant();
        Instant before = f.openedTo() == null ? null : f.openedTo().plusDays(1).atStartOfDay(Times.CHINA).toInstant();
        Instant now = clock.instant();
        if (street == null && from == null && f.caseId() == null && f.phoneTail() == null) {
            // Above the streets the register walks months: it needs an end, and says which in the docs.
            YearMonth last = YearMonth.from((before == null ? now : before).atZone(Times.CHINA));
            from = last.minusMonths(REACH_MONTHS - 1L).atDay(1).atStartOfDay(Times.CHINA).toInstant();
        }
        RegisterQuery q = new RegisterQuery(unit.code(), street, f.statuses(), f.category(), f.matterType(), f.source(),
                from, before, f.overdue(), now, f.phoneTail(), f.caseId());
        return cases.register(q, limit, cursor);
    }

    /** Without a unit: the caller's one territorial node, the whole map for an administrator. */
    private static String defaultUnit(Principal me, MapInfo map) {
        if (me.isAdmin()) return map.rootCode();
        Set<String> nodes = me.scope();
        if (nodes.size() == 1) return nodes.iterator().next();
        throw ValidationFailed.of("unit", "you work for several units (" + String.join(", ", nodes) + "): choose one");
    }

    /** The street a node is or lies under; null above the streets. */
    private static String street(RegistryNode n) {
        Level level = Level.valueOf(n.level());
        if (level.depth() < Level.STREET.depth()) return null;
        int i = n.path().size() - 1 - (level.depth() - Level.STREET.depth());
        return n.path().get(i);
    }
}
