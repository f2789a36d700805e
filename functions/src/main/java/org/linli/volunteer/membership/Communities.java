package org.linli.volunteer.membership;

import java.util.Optional;
import org.linli.core.NotFound;
import org.linli.core.format.NodeCode;

/** Finds communities in the territory; empty when the code is unknown or not a community. */
public interface Communities {
    Optional<Community> find(String code);

    /** The community of a path parameter; NotFound for an unknown or malformed code. */
    default Community require(String code) {
        if (!NodeCode.valid(code)) throw new NotFound("community", String.valueOf(code));
        return find(code).orElseThrow(() -> new NotFound("community", code));
    }
}
