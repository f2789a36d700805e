package org.linli.cases;

import org.linli.territory.Level;

/** A kind of problem residents report, with its default owner and time limits. */
public record Category(String code, String name, MatterType matterType, Level ownerLevel, boolean emergency,
                       StepLimits limits) {}
