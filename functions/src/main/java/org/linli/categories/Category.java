package org.linli.categories;

import org.linli.territory.Level;

/**
 * A kind of problem residents report, with its default matter type, owning level, time limits and
 * the kind of functional department responsible for it ({@code department}, e.g. {@code police};
 * null when none is): department matters go to that department's queue, and escalation past the
 * street goes there.
 */
public record Category(String code, String name, MatterType matterType, Level ownerLevel, boolean emergency,
                       StepLimits limits, String department) {
    public Category(String code, String name, MatterType matterType, Level ownerLevel, boolean emergency, StepLimits limits) {
        this(code, name, matterType, ownerLevel, emergency, limits, null);
    }
}
