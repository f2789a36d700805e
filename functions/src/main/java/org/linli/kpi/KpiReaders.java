package org.linli.kpi;

import java.util.List;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.core.format.NodeCode;
import org.linli.identity.Principal;

/**
 * Who reads a unit's figures: staff holding a role over the unit or a node above it (a
 * department's path is the map's root and its code, so its own staff and the district's), and
 * administrators. Everyone else is refused, so a unit's figures never leave its line of command.
 */
public final class KpiReaders {
    private KpiReaders() {}

    /** The unit named {@code code} if {@code reader} covers it: NotFound unknown, Forbidden outside his territory. */
    public static UnitDirectory.UnitInfo visible(Principal reader, UnitDirectory units, String code) {
        if (!NodeCode.valid(code)) throw new NotFound("KPI unit", code);
        UnitDirectory.UnitInfo info = units.find(List.of(code)).get(code);
        if (info == null) throw new NotFound("KPI unit", code);
        if (!reader.covers(info.path())) throw new Forbidden("This unit is outside your territory.");
        return info;
    }
}
