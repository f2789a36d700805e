package org.linli.cycle;

import java.util.List;
import org.linli.volunteer.membership.Community;

/** The communities a district's cycle reaches. */
public interface DistrictCommunities {
    /** The communities under a district (or any node) of the current map, by code. */
    List<Community> communitiesUnder(String nodeCode);
}
