package org.linli.registers;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A household of a community's register: where it lives (a building of the map, unit and room),
 * its members (the first is the head, 户主), its care categories (codes of {@link CareCategories};
 * empty for an ordinary household), and its 包联 binding (null until bound).
 */
public record Household(String id, String community, String buildingCode, String unit, String room, List<Resident> members,
                        Set<String> care, Binding binding, Instant createdAt) {
    public Household {
        members = List.copyOf(members);
        care = Set.copyOf(care);
    }

    public Household withBinding(Binding b) {
        return new Household(id, community, buildingCode, unit, room, members, care, b, createdAt);
    }

    /** The listing's row: nothing sensitive whole (names, ID numbers, phones masked; care categories only counted). */
    public HouseholdListing listing() {
        Resident head = members.isEmpty() ? null : members.get(0).masked();
        return new HouseholdListing(id, community, buildingCode, unit, room, head == null ? null : head.name(), members.size(),
                care.size(), binding == null ? null : binding.userId(), binding == null ? null : binding.rhythm());
    }

    /** The same household with every member masked and the care categories withheld. */
    public Household masked() {
        return new Household(id, community, buildingCode, unit, room, members.stream().map(Resident::masked).toList(), Set.of(),
                binding, createdAt);
    }
}
