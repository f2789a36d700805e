package org.linli.consultations;

import java.util.Optional;
import org.linli.core.Page;

/** Persistence of consultations, their community index and the published decisions. */
public interface ConsultationStore {
    /** Stores a new consultation (and its entry in the community's list) unless its id exists; returns the stored one then. */
    Optional<Consultation> open(Consultation c);

    Optional<Consultation> find(String id);

    /**
     * Replaces the consultation if still at {@code expectedVersion}, with the published decision
     * when there is one ({@code published}, else null), in one transaction; false when it changed meanwhile.
     */
    boolean save(Consultation after, long expectedVersion, PublicDecision published);

    /** A community's consultations, newest first. */
    Page<Consultation> byCommunity(String community, int limit, String cursor);

    /** A community's published decisions, newest first. */
    Page<PublicDecision> decisions(String community, int limit, String cursor);
}
