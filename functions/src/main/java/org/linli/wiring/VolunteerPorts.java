package org.linli.wiring;

import org.linli.volunteer.Communities;
import org.linli.volunteer.GradeStore;
import org.linli.volunteer.MemberStore;
import org.linli.volunteer.PointsStore;
import org.linli.volunteer.RatingQueue;
import org.linli.volunteer.ServiceLogStore;
import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.WishStore;

/**
 * The volunteer service's ports as one bundle: what the volunteer handlers take. The wiring builds
 * it from the function's environment ({@link Wiring#volunteerPorts}); tests build it from their
 * own adapters.
 */
public record VolunteerPorts(MemberStore members, WishStore wishes, ServiceLogStore logs, PointsStore points,
                             GradeStore grades, Communities communities, RatingQueue ratings, VolunteerRules rules) {}
