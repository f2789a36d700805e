package org.linli.volunteer;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.core.NotFound;
import org.linli.identity.Grant;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.volunteer.membership.Communities;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Memberships;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.points.RatingQueue;
import org.linli.volunteer.points.Ratings;

/**
 * A member id that is not a user id is not found - before any store is asked (found by the
 * hostile-input suite: a 3,000-character id reached DynamoDB as a key and came back a 500).
 */
class MemberIdsTest {
    @SuppressWarnings("unchecked")
    private static <T> T untouchable(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            throw new AssertionError("the store was asked: " + m.getName());
        });
    }

    private static final Principal ADMIN = new Principal("usr_0000000000000000000000000A", Set.of(Grant.of(Role.RESIDENT),
            Grant.of(Role.ADMIN)));

    @Test
    void decisionsAndAppraisalsOfANonIdAreNotFound() {
        Memberships memberships = new Memberships(untouchable(MemberStore.class), untouchable(Communities.class), Clock.systemUTC());
        Ratings ratings = new Ratings(untouchable(PointsStore.class), untouchable(MemberStore.class), untouchable(RatingQueue.class),
                null, Clock.systemUTC());
        int year = VolunteerTime.year(Clock.systemUTC().instant());
        for (String id : List.of("x".repeat(3000), "' OR '1'='1", "-1", "case_0000000000000000000000000A")) {
            assertThrows(NotFound.class, () -> memberships.decide(ADMIN, id, Json.parse("{\"decision\":\"APPROVE\"}")), id);
            assertThrows(NotFound.class, () -> ratings.appraise(ADMIN, id, Json.parse("{\"year\":" + year + ",\"score\":5}")), id);
        }
    }
}
