package org.linli.territory;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * Places an address given as text only (Open311's {@code address_string}, a call-centre record):
 * walks down the registry from the map's root, at each level taking the child
 * whose name the address contains (the longest, so 柳园小区 wins over 柳园), down to a compound or
 * grid (a level the address skips is looked through when it has at most eight nodes), then the
 * building of the compound there whose name - or its part after the compound's name, 3号楼 - the
 * address contains. There is no geocoder: an address that names no building is only known to lie
 * in the deepest node it named. One Query per level walked and one per compound searched: about
 * five for 西城街道柳园社区柳园小区3号楼, at most about twenty.
 */
public final class AddressMatcher {
    private static final int MAX_DEPTH = 6;
    /** The most siblings looked through when a level is skipped, or compounds searched for a building. */
    private static final int FANOUT = 8;

    /** A building when one was named ({@code buildingCode}), else the deepest node named ({@code nodeCode}, maybe the start). */
    public record Match(String buildingCode, String nodeCode, boolean named) {}

    private final TerritoryRegistry registry;

    public AddressMatcher(TerritoryRegistry registry) {
        this.registry = registry;
    }

    /** As {@link #match(String, String)}, the map's root when nothing is named. */
    public Match match(String address) {
        return match(registry.currentMap().rootCode(), address);
    }

    /**
     * Matches from the map's root - not from a caller's scope, so that an address elsewhere is
     * recognised as elsewhere (and refused by the scope check) rather than queued at home; when
     * nothing is named, the node is {@code fallbackCode}.
     */
    public Match match(String fallbackCode, String address) {
        MapInfo map = registry.currentMap();
        int version = map.version();
        String text = squeeze(address);
        String node = map.rootCode();
        boolean named = false;
        List<RegistryNode> below = List.of();
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            below = registry.children(version, node);
            Optional<RegistryNode> child = longest(below, text);
            if (child.isEmpty() && below.size() <= FANOUT) {
                // Addresses skip levels (柳园社区3号楼 names no street): one level further, when it is small.
                RegistryNode best = null;
                for (RegistryNode k : below) {
                    if (k.compound()) continue;
                    Optional<RegistryNode> g = longest(registry.children(version, k.code()), text);
                    if (g.isPresent() && (best == null || squeeze(g.get().name()).length() > squeeze(best.name()).length())) best = g.get();
                }
                child = Optional.ofNullable(best);
            }
            if (child.isEmpty()) break;
            node = child.get().code();
            named = true;
            if (child.get().compound()) {
                below = List.of(child.get());
                break;
            }
        }
        if (named) {
            // The buildings of the compound named, else of the compounds of the place named.
            List<RegistryNode> places = below.stream().filter(RegistryNode::compound).limit(FANOUT).toList();
            BuildingRecord best = null;
            int bestLength = 0;
            for (RegistryNode place : places) {
                for (BuildingRecord b : registry.buildingsUnder(version, place.code())) {
                    int length = named(text, b.name(), place.name());
                    if (length > bestLength) {
                        best = b;
                        bestLength = length;
                    }
                }
            }
            if (best != null) return new Match(best.code(), node, true);
        }
        return new Match(null, named ? node : fallbackCode, named);
    }

    /** How much of a building's name the address holds: all of it, or what follows its compound's name (3号楼); 0: not named. */
    private static int named(String text, String building, String compound) {
        String b = squeeze(building);
        if (contains(text, b)) return b.length();
        String c = squeeze(compound);
        if (!c.isEmpty() && b.startsWith(c) && contains(text, b.substring(c.length()))) return b.length() - c.length();
        return 0;
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
