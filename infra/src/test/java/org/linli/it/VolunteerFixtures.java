package org.linli.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.territory.DynamoCommunities;
import org.linli.adapters.dynamo.volunteer.DynamoGradeStore;
import org.linli.adapters.dynamo.volunteer.DynamoMemberStore;
import org.linli.adapters.dynamo.volunteer.DynamoPointsStore;
import org.linli.adapters.dynamo.volunteer.DynamoServiceLogStore;
import org.linli.adapters.dynamo.volunteer.DynamoWishStore;
import org.linli.adapters.sqs.SqsRatingQueue;
import org.linli.core.Ids;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.tools.bench.Events;
import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import org.linli.wiring.VolunteerPorts;

/** Volunteer fixtures on the shared cloud: fresh users, approved members, handler calls as a given user. */
final class VolunteerFixtures {
    private final LocalCloud cloud;

    VolunteerFixtures(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** A new resident, stored as a user (functions check the caller's account before writes). */
    static String newUser() {
        String id = Ids.random("usr", LinliCloud.now());
        org.linli.tools.bench.Accounts.ensure(LinliCloud.get(), id, "RESIDENT", "");
        return id;
    }

    /** The volunteer service's ports on the cloud's table and queue, with the caller's clock. */
    VolunteerPorts ports(Clock clock) {
        var dynamo = cloud.dynamo();
        String table = cloud.tableName("VolunteerTable");
        return new VolunteerPorts(new DynamoMemberStore(dynamo, table), new DynamoWishStore(dynamo, table),
                new DynamoServiceLogStore(dynamo, table), new DynamoPointsStore(dynamo, table), new DynamoGradeStore(dynamo, table),
                new DynamoCommunities(dynamo, cloud.tableName("TerritoryTable"), clock),
                new SqsRatingQueue(cloud.sqs(), cloud.queueUrl("RatingsQueue")), VolunteerRules.fromClasspath());
    }

    /** Registers {@code memberId} with the community and approves him, straight in the store. */
    Membership approve(String memberId, String name, String communityCode) {
        VolunteerPorts p = ports(cloud.clock());
        Community c = p.communities().find(communityCode).orElseThrow();
        Instant now = cloud.clock().instant();
        Membership pending = new Membership(memberId, c, name, "13700001111", List.of(), null, "第一党支部",
                MembershipStatus.PENDING, now, null, null, null, 0, 0);
        p.members().register(pending);
        Membership approved = pending.decided(MembershipStatus.APPROVED, "usr_fixture", null, now);
        p.members().decide(approved);
        return approved;
    }

    /** A handler's answer: status, headers and JSON body. */
    record Answer(int status, Map<String, String> headers, JsonNode body) {
        String errorCode() {
            return body.path("error").path("code").asText(null);
        }

        String field(String name) {
            return body.path(name).asText(null);
        }
    }

    /** Invokes an API function as {@code userId} with {@code roles} and {@code scope}, as API Gateway would. */
    Answer call(String function, String routeKey, String path, Map<String, String> pathParams, Map<String, String> query,
                String body, String userId, String roles, String scope) {
        org.linli.tools.bench.Accounts.ensure(cloud, userId, roles, scope);
        ObjectNode event = (ObjectNode) Json.parse(Events.http(routeKey, path, pathParams, body, userId, roles, scope));
        if (!query.isEmpty()) {
            ObjectNode q = event.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        JsonNode r = Json.parse(cloud.invoke(function, Json.write(event)));
        Map<String, String> headers = Json.mapper().convertValue(r.path("headers"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
        String text = r.path("body").asText("");
        return new Answer(r.path("statusCode").asInt(), headers, text.isEmpty() ? Json.object() : Json.parse(text));
    }

    Answer post(String function, String routeKey, String path, Map<String, String> pathParams, String body, String userId,
                String roles, String scope) {
        return call(function, routeKey, path, pathParams, Map.of(), body, userId, roles, scope);
    }
}
