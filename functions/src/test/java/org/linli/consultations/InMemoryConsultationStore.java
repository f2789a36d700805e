package org.linli.consultations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.core.Page;

/** {@link ConsultationStore} in memory: create once, versioned saves, decisions kept as published. Lists in one page. */
public final class InMemoryConsultationStore implements ConsultationStore {
    public final Map<String, Consultation> consultations = new LinkedHashMap<>();
    public final List<PublicDecision> published = new ArrayList<>();

    @Override
    public synchronized Optional<Consultation> open(Consultation c) {
        if (consultations.containsKey(c.id())) return Optional.of(consultations.get(c.id()));
        consultations.put(c.id(), c);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<Consultation> find(String id) {
        return Optional.ofNullable(consultations.get(id));
    }

    @Override
    public synchronized boolean save(Consultation after, long expectedVersion, PublicDecision decision) {
        Consultation now = consultations.get(after.id());
        if (now == null || now.version() != expectedVersion) return false;
        consultations.put(after.id(), after);
        if (decision != null) published.add(decision);
        return true;
    }

    @Override
    public synchronized Page<Consultation> byCommunity(String community, int limit, String cursor) {
        return new Page<>(consultations.values().stream().filter(c -> c.community().equals(community))
                .sorted(Comparator.comparing(Consultation::openedAt).reversed()).limit(limit).toList(), null);
    }

    @Override
    public synchronized Page<PublicDecision> decisions(String community, int limit, String cursor) {
        return new Page<>(published.stream().filter(d -> d.community().equals(community))
                .sorted(Comparator.comparing(PublicDecision::decidedAt).reversed()).limit(limit).toList(), null);
    }
}
