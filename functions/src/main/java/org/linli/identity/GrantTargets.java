package org.linli.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.linli.territory.Level;

/** What a grant may be held over: nodes of the current map and registered departments. */
public interface GrantTargets {
    /** The level, in the current map version, of each code that names one of its nodes; others are absent. */
    Map<String, Level> levels(Collection<String> codes);

    /** Which of these codes name registered departments. */
    Set<String> departments(Collection<String> codes);

    /** No targets at all: for a Promotions that only changes an account's status (erasure), never grants. */
    GrantTargets NONE = new GrantTargets() {
        @Override
        public Map<String, Level> levels(Collection<String> codes) {
            return Map.of();
        }

        @Override
        public Set<String> departments(Collection<String> codes) {
            return Set.of();
        }
    };
}
