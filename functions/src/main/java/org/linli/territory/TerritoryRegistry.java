package org.linli.territory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the registry for the API and for imports, beyond what assignment needs: a
 * node and its children, a compound's (or grid's) buildings for the picker, the versions. Each
 * call is one GetItem or one Query (paged internally) on one map version.
 */
public interface TerritoryRegistry extends TerritoryDirectory {
    /** Children in one version, levels then codes; compounds of a community or grid included. */
    List<RegistryNode> children(int mapVersion, String code);

    /** Buildings listed under a compound, or under a grid or micro-grid when they have no compound. */
    List<BuildingRecord> buildingsUnder(int mapVersion, String code);

    /** Every version, newest first. */
    List<MapVersion> versions();

    /** Levels of the given node codes in one version (absent codes are not in that map). */
    Map<String, Level> levels(int mapVersion, Collection<String> codes);
}
