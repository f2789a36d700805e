package org.linli.handlers;

import java.time.Clock;
import org.linli.adapters.dynamo.DynamoCommunities;
import org.linli.adapters.dynamo.DynamoGradeStore;
import org.linli.adapters.dynamo.DynamoMemberStore;
import org.linli.adapters.dynamo.DynamoPointsStore;
import org.linli.adapters.dynamo.DynamoServiceLogStore;
import org.linli.adapters.dynamo.DynamoWishStore;
import org.linli.adapters.sqs.SqsRatingQueue;
import org.linli.config.AwsClients;
import org.linli.config.Env;
import org.linli.volunteer.Communities;
import org.linli.volunteer.GradeStore;
import org.linli.volunteer.MemberStore;
import org.linli.volunteer.PointsStore;
import org.linli.volunteer.RatingQueue;
import org.linli.volunteer.ServiceLogStore;
import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.WishStore;

/**
 * The volunteer service's ports as one bundle, built once per function from its environment
 * ({@code VOLUNTEER_TABLE}; {@code TERRITORY_TABLE} where it looks up communities;
 * {@code RATINGS_QUEUE_URL} where it sends ratings). Tests build it from their own adapters.
 */
public record VolunteerPorts(MemberStore members, WishStore wishes, ServiceLogStore logs, PointsStore points,
                             GradeStore grades, Communities communities, RatingQueue ratings, VolunteerRules rules) {

    public static VolunteerPorts fromEnv(Clock clock) {
        var dynamo = AwsClients.dynamo();
        String table = Env.require("VOLUNTEER_TABLE");
        RatingQueue ratings = Env.get("RATINGS_QUEUE_URL").<RatingQueue>map(url -> new SqsRatingQueue(AwsClients.sqs(), url))
                .orElse(e -> {
                    throw new IllegalStateException("this function has no RATINGS_QUEUE_URL");
                });
        Communities communities = Env.get("TERRITORY_TABLE").<Communities>map(t -> new DynamoCommunities(dynamo, t, clock))
                .orElse(code -> {
                    throw new IllegalStateException("this function has no TERRITORY_TABLE");
                });
        return new VolunteerPorts(new DynamoMemberStore(dynamo, table), new DynamoWishStore(dynamo, table),
                new DynamoServiceLogStore(dynamo, table), new DynamoPointsStore(dynamo, table), new DynamoGradeStore(dynamo, table),
                communities, ratings, VolunteerRules.fromClasspath());
    }
}
