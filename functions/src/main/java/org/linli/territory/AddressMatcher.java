package org.linli.territory;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * Places an address given as text only (Open311's {@code address_string}, a call-centre record):
 * walks down the registry from a starting node (an api_key's scope), at each level taking the child
 * whose name the address contains (the longest, so 柳园小区 wins over 柳园), down to a compound or
 * grid, then the building there whose name the address contains. There is no geocoder: an address
 * that names no building is only known to lie in the deepest node it named. One Query per level
 * walked and one for the buildings - about five for a street-to-building address.
 */
public final class AddressMatcher {
    private static final int MAX_DEPTH = 6;

    /** A building when one was named ({@code buildingCode}), else the deepest node named ({@code nodeCode}, maybe the start). */
    public record Match(String buildingCode, String nodeCode, boolean named) {}

    private final TerritoryRegistry registry;

    public AddressMatcher(TerritoryRegistry registry) {
        this.registry = registry;
    }

    public Match match(String startCode, String address) {
        int version = registry.currentMap().version();
        String text = squeeze(address);
        String node = startCode;
        boolean named = false;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Optional<RegistryNode> child = longest(registry.children(version, node), text);
            if (child.isEmpty()) break;
            node = child.get().code();
            named = true;
            if (child.get().compound()) break;
        }
        if (named) {
            List<BuildingRecord> buildings = registry.buildingsUnder(version, node);
            BuildingRecord best = null;
            for (BuildingRecord b : buildings) {
                if (contains(text, b.name()) && (best == null || squeeze(b.name()).length() > squeeze(best.name()).length())) best = b;
            }
            if (best != null) return new Match(best.code(), node, true);
        }
        return new Match(null, node, named);
    }

    private static Optional<RegistryNode> longest(List<RegistryNode> nodes, String text) {
        RegistryNode best = null;
        for (RegistryNode n : nodes) {
            if (contains(text, n.name()) && (best == null || squeeze(n.name()).length() > squeeze(best.name()).length())) best = n;
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether the address names {@code name}: as a substring of at least two characters, not
     * preceded by a digit when the name starts with one (so 1号楼 is not found in 11号楼).
     */
    static boolean contains(String text, String name) {
        String n = squeeze(name);
        if (n.length() < 2) return false;
        for (int i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
            if (i == 0 || !Character.isDigit(n.charAt(0)) || !Character.isDigit(text.charAt(i - 1))) return true;
        }
        return false;
    }

    /** Width-folded (NFKC), without white space: addresses are typed with and without spaces. */
    static String squeeze(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
