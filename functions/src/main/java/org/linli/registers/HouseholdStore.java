package org.linli.registers;

import java.util.List;
import java.util.Optional;
import org.linli.core.Page;

/**
 * Where registers are kept: their own table, sensitive fields encrypted under the register key
 * (names, ID numbers, phones, care categories); the listing fields in clear.
 */
public interface HouseholdStore {
    /** Stores households (new or replaced), in batches. */
    void putAll(List<Household> households);

    Optional<Household> find(String community, String householdId);

    /** A community's households, masked, in id order. */
    Page<HouseholdListing> list(String community, int limit, String cursor);

    /** The households bound to {@code userId}, masked. */
    Page<HouseholdListing> boundTo(String userId, int limit, String cursor);

    /** Every household of a community whole (for the export; a community holds thousands, not millions). */
    List<Household> all(String community);

    /** Sets the binding (replacing any); NotFound when the household is not there. */
    void bind(String community, String householdId, Binding binding);
}
