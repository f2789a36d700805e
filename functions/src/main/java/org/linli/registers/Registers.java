package org.linli.registers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.core.ValidationFailed;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.territory.BuildingRecord;
import org.linli.territory.MapInfo;
import org.linli.territory.RegistryNode;
import org.linli.territory.TerritoryRegistry;

/**
 * Who sees what of a community's register. Whole (names, ID numbers, phones, care categories):
 * the community's staff with the register role (COMMUNITY_STAFF of exactly that community: the
 * 社区 keeps the 台账) and the 包联 person bound to the household. Masked: other staff of the
 * household's territory (its grid's worker and micro-grid leader, the street and district above,
 * administrators). Nobody else: residents are stopped at the route (403), other staff get 404, so
 * that a household's existence is not told. Lists are masked for everyone.
 */
public final class Registers {
    /** Roles that see a whole community's list (masked): the 社区 and the levels above it. */
    private static final Set<Role> SUPERVISING = Set.of(Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DISTRICT_STAFF);

    private final HouseholdStore store;
    private final TerritoryRegistry territory;
    private final CareCategories categories;
    private final Clock clock;

    public Registers(HouseholdStore store, TerritoryRegistry territory, CareCategories categories, Clock clock) {
        this.store = store;
        this.territory = territory;
        this.categories = categories;
        this.clock = clock;
    }

    /** A household as the caller may see it; {@code whole} when it shows the sensitive fields (to be recorded). */
    public record Reading(Household household, boolean whole) {}

    public CareCategories categories() {
        return categories;
    }

    /** The register's keeper: COMMUNITY_STAFF of exactly this community. */
    public static boolean keeper(Principal p, String community) {
        return p.holds(Role.COMMUNITY_STAFF, community);
    }

    public Reading read(Principal p, String community, String householdId) {
        Household h = store.find(community, householdId).orElseThrow(() -> new NotFound("household", householdId));
        if (keeper(p, community) || bound(p, h)) return new Reading(h, true);
        if (p.isStaff() && p.covers(pathOf(h))) return new Reading(h.masked(), false);
        throw new NotFound("household", householdId);
    }

    /**
     * A community's list, masked: the whole register for its 社区 and the staff above; for anyone
     * else only the households bound to him there - staff working inside the community (its grid
     * workers, micro-grid leaders) may find that empty, anyone else with none there is refused.
     */
    public Page<HouseholdListing> list(Principal p, String community, int limit, String cursor) {
        RegistryNode node = community(community);
        boolean supervising = p.isAdmin();
        for (Role r : SUPERVISING) supervising |= p.covers(r, node.path());
        if (supervising) return store.list(community, limit, cursor);
        Page<HouseholdListing> mine = store.boundTo(p.userId(), limit, cursor);
        List<HouseholdListing> here = mine.items().stream().filter(l -> l.community().equals(community)).toList();
        if (here.isEmpty() && cursor == null && !worksInside(p, community)) {
            throw new Forbidden("You keep no register of " + community + " and have no household bound to you there.");
        }
        return new Page<>(here, mine.nextCursor());
    }

    /** Staff whose node lies inside the community (its grids and micro-grids). */
    private boolean worksInside(Principal p, String community) {
        MapInfo map = territory.currentMap();
        for (var g : p.grants()) {
            if (!g.role().territorial() || g.node() == null) continue;
            if (territory.node(map.version(), g.node()).map(n -> n.path().contains(community)).orElse(false)) return true;
        }
        return false;
    }

    /** The caller's own 包联 households, masked. */
    public Page<HouseholdListing> mine(Principal p, int limit, String cursor) {
        return store.boundTo(p.userId(), limit, cursor);
    }

    /** What the register keeps of a household on creation: checked against the map (the building must be in the community). */
    public record Draft(String buildingCode, String unit, String room, List<Resident> members, Set<String> care) {}

    public Household create(Principal p, String community, String householdId, Draft d) {
        requireKeeper(p, community);
        community(community);
        MapInfo map = territory.currentMap();
        if (territory.building(map.version(), d.buildingCode()).filter(b -> b.path().contains(community)).isEmpty()) {
            throw ValidationFailed.of("buildingCode", "is not a building of " + community + " on the current map");
        }
        Household h = new Household(householdId, community, d.buildingCode(), d.unit(), d.room(), d.members(), d.care(), null,
                clock.instant());
        store.putAll(List.of(h));
        return h;
    }

    /** Binds a household to a member or grid worker (包联); the rhythm defaults to the closest its categories ask for. */
    public Household bind(Principal p, String community, String householdId, String userId, Rhythm rhythm) {
        return rebind(p, community, householdId, userId, rhythm).after();
    }

    /** A binding set: the household before (null binding: it was not bound) and after. */
    public record Rebinding(Household before, Household after) {}

    /** As {@link #bind}, telling also what the household was bound to before (the visits' due counter needs it). */
    public Rebinding rebind(Principal p, String community, String householdId, String userId, Rhythm rhythm) {
        requireKeeper(p, community);
        Household h = store.find(community, householdId).orElseThrow(() -> new NotFound("household", householdId));
        Rhythm r = rhythm != null ? rhythm : Optional.ofNullable(categories.rhythmFor(h.care())).orElse(Rhythm.QUARTERLY);
        Binding b = new Binding(userId, r, clock.instant(), p.userId());
        store.bind(community, householdId, b);
        return new Rebinding(h, h.withBinding(b));
    }

    /** Every household whole, for the keeper's export (recorded by the caller as one disclosure). */
    public List<Household> export(Principal p, String community) {
        requireKeeper(p, community);
        return store.all(community);
    }

    public void requireKeeper(Principal p, String community) {
        if (!keeper(p, community)) throw new Forbidden("Only the community's staff (COMMUNITY_STAFF of " + community + ") keep its register.");
    }

    /**
     * The community's buildings on the current map, by code: those listed under the community, its
     * compounds, grids and micro-grids (the picker lists a building under one of them). One Query
     * per node walked (about 30 for a community of 3 grids): once per ledger import.
     */
    public Map<String, BuildingRecord> buildings(String community) {
        community(community);
        int version = territory.currentMap().version();
        Map<String, BuildingRecord> out = new java.util.LinkedHashMap<>();
        java.util.ArrayDeque<String> nodes = new java.util.ArrayDeque<>(List.of(community));
        Set<String> seen = new java.util.HashSet<>();
        while (!nodes.isEmpty()) {
            String code = nodes.poll();
            if (!seen.add(code) || seen.size() > 500) continue;
            for (BuildingRecord b : territory.buildingsUnder(version, code)) if (b.path().contains(community)) out.putIfAbsent(b.code(), b);
            for (RegistryNode child : territory.children(version, code)) nodes.add(child.code());
        }
        return out;
    }

    /** The care categories given, as codes; unknown ones are reported through {@code unknown}. */
    public Set<String> careCodes(List<String> given, List<String> unknown) {
        Set<String> codes = new LinkedHashSet<>();
        for (String g : given) {
            if (g.isBlank()) continue;
            categories.find(g).ifPresentOrElse(c -> codes.add(c.code()), () -> unknown.add(g.strip()));
        }
        return codes;
    }

    /** The community's territory path (root first, itself last). */
    public List<String> communityPath(String code) {
        return community(code).path();
    }

    /** NotFound unless {@code code} is a community of the current map. */
    public void requireCommunity(String code) {
        community(code);
    }

    private RegistryNode community(String code) {
        MapInfo map = territory.currentMap();
        RegistryNode node = territory.node(map.version(), code).orElseThrow(() -> new NotFound("community", code));
        if (!"COMMUNITY".equals(node.level())) throw new NotFound("community", code);
        return node;
    }

    private static boolean bound(Principal p, Household h) {
        return h.binding() != null && h.binding().userId().equals(p.userId());
    }

    /** The household's territory: its building's path (community, grid, micro-grid), else the community's. */
    List<String> pathOf(Household h) {
        return pathOf(territory, h.community(), h.buildingCode());
    }

    /** As {@link #pathOf(Household)}, for callers without the register (the cycle's due counting reads listings only). */
    public static List<String> pathOf(TerritoryRegistry territory, String community, String buildingCode) {
        MapInfo map = territory.currentMap();
        List<String> path = new ArrayList<>(territory.building(map.version(), buildingCode).map(BuildingRecord::path)
                .orElseGet(() -> territory.node(map.version(), community).orElseThrow(() -> new NotFound("community", community)).path()));
        if (!path.contains(community)) path.add(community);
        return path;
    }
}
