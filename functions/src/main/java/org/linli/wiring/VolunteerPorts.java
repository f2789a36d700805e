package org.linli.wiring;

import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.grading.GradeStore;
import org.linli.volunteer.membership.Communities;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.points.RatingQueue;
import org.linli.volunteer.servicelog.ServiceLogStore;
import org.linli.volunteer.wishes.WishStore;

/**
 * The volunteer service's ports as one bundle: what the volunteer handlers take. The wiring builds
 * it from the function's environment ({@link Wiring#volunteerPorts}); tests build it from their
 * own adapters.
 */
public record VolunteerPorts(MemberStore members, WishStore wishes, ServiceLogStore logs, PointsStore points,
                             GradeStore grades, Communities communities, RatingQueue ratings, VolunteerRules rules) {}
