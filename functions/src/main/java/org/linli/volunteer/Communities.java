package org.linli.volunteer;

import java.util.Optional;
import org.linli.core.NotFound;

/** Finds communities in the territory; empty when the code is unknown or not a community. */
public interface Communities {
    Optional<Community> find(String code);

    /** The community of a path parameter; NotFound for an unknown or malformed code. */
    default Community require(String code) {
        if (code == null || !Memberships.COMMUNITY_CODE.matcher(code).matches()) throw new NotFound("community", String.valueOf(code));
        return find(code).orElseThrow(() -> new NotFound("community", code));
    }
}
