package org.linli.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.registers.Binding;
import org.linli.registers.Household;
import org.linli.registers.HouseholdListing;
import org.linli.registers.HouseholdStore;

/** The household store in memory, in id order per community; pages are whole (no cursor). */
public final class InMemoryHouseholds implements HouseholdStore {
    private final Map<String, Household> byKey = new TreeMap<>();
    public int puts;

    @Override
    public void putAll(List<Household> households) {
        puts++;
        for (Household h : households) byKey.put(h.community() + "/" + h.id(), h);
    }

    @Override
    public Optional<Household> find(String community, String householdId) {
        return Optional.ofNullable(byKey.get(community + "/" + householdId));
    }

    @Override
    public Page<HouseholdListing> list(String community, int limit, String cursor) {
        return new Page<>(byKey.values().stream().filter(h -> h.community().equals(community)).limit(limit).map(Household::listing).toList(), null);
    }

    @Override
    public Page<HouseholdListing> boundTo(String userId, int limit, String cursor) {
        return new Page<>(byKey.values().stream().filter(h -> h.binding() != null && h.binding().userId().equals(userId)).limit(limit)
                .map(Household::listing).toList(), null);
    }

    @Override
    public List<Household> all(String community) {
        return new ArrayList<>(byKey.values().stream().filter(h -> h.community().equals(community)).toList());
    }

    @Override
    public void bind(String community, String householdId, Binding binding) {
        Household h = find(community, householdId).orElseThrow(() -> new NotFound("household", householdId));
        byKey.put(community + "/" + householdId, h.withBinding(binding));
    }

    public int size() {
        return byKey.size();
    }
}
