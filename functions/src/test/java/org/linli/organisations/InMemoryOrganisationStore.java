package org.linli.organisations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link OrganisationStore} in memory, with the DynamoDB store's semantics (create once, versioned update, link moves). */
public final class InMemoryOrganisationStore implements OrganisationStore {
    private final Map<String, Organisation> organisations = new LinkedHashMap<>();
    private final Map<String, MemberLink> links = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Organisation> register(Organisation o) {
        Organisation existing = organisations.get(key(o.community(), o.id()));
        if (existing != null) return Optional.of(existing);
        organisations.put(key(o.community(), o.id()), o);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<Organisation> find(String community, String organisationId) {
        return Optional.ofNullable(organisations.get(key(community, organisationId)));
    }

    @Override
    public synchronized boolean update(Organisation after, long expectedVersion) {
        Organisation now = organisations.get(key(after.community(), after.id()));
        if (now == null || now.version() != expectedVersion) return false;
        organisations.put(key(after.community(), after.id()), after);
        return true;
    }

    @Override
    public synchronized boolean link(MemberLink link) {
        if (!organisations.containsKey(key(link.community(), link.organisationId()))) return false;
        links.put(key(link.community(), link.memberId()), link);
        return true;
    }

    @Override
    public synchronized Roster roster(String community) {
        List<Organisation> os = new ArrayList<>();
        organisations.values().stream().filter(o -> o.community().equals(community)).forEach(os::add);
        List<MemberLink> ls = new ArrayList<>();
        links.values().stream().filter(l -> l.community().equals(community)).forEach(ls::add);
        return new Roster(os, ls);
    }

    private static String key(String community, String id) {
        return community + "/" + id;
    }
}
