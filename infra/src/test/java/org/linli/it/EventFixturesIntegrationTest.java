package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.linli.identity.AccessTokens;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.identity.TokenKeys;
import org.linli.json.Json;
import org.linli.local.LocalClock;
import org.linli.local.LocalCloud;
import org.linli.local.schedule.ScheduledJob;
import org.linli.testing.Events;
import org.linli.tools.LocalSetup;

/**
 * Real event JSON for every trigger, driven through its function in the local cloud: each
 * schedule of template.yaml (events/schedules/NAME.json, whose payload must be the template's
 * Input - so a changed Input fails here until its fixture follows), an SQS batch with a poison
 * message (a partial batch failure naming that message alone), and the authorizer's request.
 */
class EventFixturesIntegrationTest {
    private static final String SCHEDULED_TIME = "<aws.scheduler.scheduled-time>";
    /** A cloud of its own: the schedules and the batch write cases and notifications other suites would count. */
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.isolated("linli-fixtures", LocalClock.startingAt(LinliCloud.START));
    }

    @AfterAll
    static void stop() {
        if (cloud != null) cloud.close();
    }

    private static String schedulePrefix(LocalCloud cloud) {
        return "linli-" + cloud.functionEnv("AuthorizerFunction").getOrDefault("LINLI_STAGE", "local") + "-";
    }

    @TestFactory
    List<DynamicTest> eachScheduleOfTheTemplateHasItsFixtureAndItsFunctionRunsIt() {
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        String prefix = schedulePrefix(cloud);
        for (ScheduledJob job : cloud.scheduler().jobs()) {
            String name = job.name().startsWith(prefix) ? job.name().substring(prefix.length()) : job.name();
            names.add(name);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String json = Events.read("schedules/" + name + ".json");
                JsonNode event = Json.parse(json);
                JsonNode input = Json.parse(job.event().input().replace("\"" + SCHEDULED_TIME + "\"",
                        event.has("at") ? Json.write(event.get("at")) : "null"));
                assertEquals(input, event, "events/schedules/" + name + ".json is the template's Input of " + job.name());
                String out = cloud.invoke(job.event().functionLogicalId(), json);
                assertFalse(out.contains("errorMessage"), name + " -> " + out);
                assertTrue(Json.parse(out).isObject(), name + " answers a JSON object: " + out);
            }));
        }
        assertEquals(Set.of("intake-sweep", "case-sweep", "patrol-plan", "cycle-contact", "cycle-collect", "cycle-classify",
                "cycle-service-day", "cycle-evaluate", "cycle-summarize", "retention"), names, "a new schedule needs its fixture");
        return tests;
    }

    @Test
    void anSqsBatchWithAPoisonMessageFailsThatMessageAlone() {
        String batch = Events.read("sqs-report-received.json").replace("REPORT_ID", "rpt_fixture-never-stored");
        JsonNode out = Json.parse(cloud.invoke("AssignmentFunction", batch));
        List<String> failed = new ArrayList<>();
        out.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        assertTrue(failed.contains("0b1c3a5e-41f6-4d7c-9b3e-2d61f0c1a002"), "the poison message is a batch item failure: " + out);
        assertFalse(failed.contains("0b1c3a5e-41f6-4d7c-9b3e-2d61f0c1a001"),
                "a well-formed message about a report that is not stored is not retried for ever: " + out);
    }

    @Test
    void theAuthorizerRequestPassesAValidTokenAndMarksABadOne() {
        TokenKeys keys = TokenKeys.fromSecretJson(cloud.secrets().value(LocalSetup.TOKEN_KEYS_SECRET).orElseThrow());
        String token = new AccessTokens("linli").issue(new Principal("usr_fixture", Set.of(Role.RESIDENT), Set.of()), keys,
                cloud.clock().instant());
        JsonNode ok = Json.parse(cloud.invoke("AuthorizerFunction", Events.read("authorizer-request.json").replace("TOKEN", token)));
        assertTrue(ok.path("isAuthorized").asBoolean());
        assertEquals("usr_fixture", ok.path("context").path("userId").asText(), ok.toString());
        JsonNode bad = Json.parse(cloud.invoke("AuthorizerFunction", Events.read("authorizer-request.json").replace("TOKEN", "x.y.z")));
        assertEquals("TOKEN_INVALID", bad.path("context").path("authError").asText(), bad.toString());
    }
}
