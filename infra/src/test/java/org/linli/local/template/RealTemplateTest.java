package org.linli.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.local.TemplateLocator;
import org.linli.local.schedule.ScheduleExpression;

/**
 * The project's own template.yaml reads completely: every function, route, queue, table, schedule
 * and alarm is found and every environment variable resolves (secrets from a stand-in store).
 */
class RealTemplateTest {
    private static TemplateModel model;

    @BeforeAll
    static void read() {
        Map<String, String> secrets = Map.of("linli/token-keys", "{\"kid\":\"k1\",\"privateKey\":\"PRIV\",\"publicKey\":\"PUB\",\"publicKeys\":\"JWKS\"}");
        model = new TemplateReader(StackContext.defaults(), Map.of(), n -> Optional.ofNullable(secrets.get(n)))
                .read(TemplateLocator.find());
    }

    @Test
    void everyFunctionHasAHandlerAndAResolvedEnvironment() {
        assertTrue(model.functions().keySet().containsAll(Set.of("AuthorizerFunction", "AuthApiFunction", "ReportsApiFunction",
                "CasesApiFunction", "AssignmentFunction", "IntakeSweepFunction", "ApiFallbackFunction", "OrganisationsApiFunction",
                "ConsultationsApiFunction")), model.functions().keySet().toString());
        for (FunctionDef fn : model.functions().values()) {
            assertTrue(fn.handlerClass().startsWith("org.linli."), fn.handler());
            assertEquals("java21", fn.runtime(), "Globals.Function.Runtime");
            assertEquals("live", fn.alias());
            assertEquals("dev", fn.environment().get("LINLI_STAGE"), "Globals' variables are merged into " + fn.logicalId());
            assertTrue(fn.timeoutSeconds() > 0 && fn.memoryMb() >= 128);
            fn.environment().forEach((k, v) -> assertFalse(v.contains("{{resolve:") || v.contains("${"), fn.logicalId() + "." + k + " = " + v));
        }
        FunctionDef authorizer = model.function("AuthorizerFunction");
        assertEquals("JWKS", authorizer.environment().get("TOKEN_PUBLIC_KEYS"), "dynamic reference to the public keys");
        assertEquals(512, authorizer.memoryMb());
        assertEquals(5, authorizer.timeoutSeconds());
        FunctionDef reports = model.function("ReportsApiFunction");
        assertEquals("linli-local-CasesTable", reports.environment().get("CASES_TABLE"));
        assertEquals(model.queue("AssignmentQueue").url(), reports.environment().get("ASSIGNMENT_QUEUE_URL"));
        assertEquals(1024, reports.memoryMb(), "Globals.Function.MemorySize");
    }

    @Test
    void routesAndAuthorizer() {
        HttpApiDef api = model.httpApis().get("LinliApi");
        assertNotNull(api);
        assertEquals("LinliTokenAuthorizer", api.defaultAuthorizer());
        HttpApiDef.Authorizer a = api.authorizers().get("LinliTokenAuthorizer");
        assertEquals("AuthorizerFunction", a.functionLogicalId(), "FunctionArn: !Ref AuthorizerFunction.Alias");
        assertEquals(List.of("Authorization"), a.identityHeaders());
        assertEquals(300, a.reauthorizeEverySeconds());
        assertTrue(a.enableSimpleResponses());
        assertEquals("2.0", a.payloadFormatVersion());
        List<String> keys = model.routes().stream().map(FunctionEvent.HttpApi::routeKey).toList();
        assertTrue(keys.containsAll(List.of("POST /auth/wechat-login", "POST /reports", "GET /reports/{reportId}", "$default")), keys.toString());
        FunctionEvent.HttpApi login = model.routes().stream().filter(r -> r.routeKey().equals("POST /auth/wechat-login")).findFirst().orElseThrow();
        assertEquals("NONE", login.authorizer());
        FunctionEvent.HttpApi fallback = model.routes().stream().filter(r -> r.routeKey().equals("$default")).findFirst().orElseThrow();
        assertEquals("ApiFallbackFunction", fallback.functionLogicalId());
        // 议事协商 and organisations: their own functions, behind the token authorizer
        for (String key : List.of("POST /consultations", "POST /consultations/{consultationId}/decision", "GET /communities/{code}/decisions",
                "POST /communities/{code}/organisations", "PUT /communities/{code}/organisations/{organisationId}")) {
            FunctionEvent.HttpApi r = model.routes().stream().filter(x -> x.routeKey().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
            assertEquals(key.contains("organisations") ? "OrganisationsApiFunction" : "ConsultationsApiFunction", r.functionLogicalId(), key);
            org.junit.jupiter.api.Assertions.assertNotEquals("NONE", r.authorizer(), key + ": the default (token) authorizer");
        }
    }

    @Test
    void tablesQueuesAndAlarms() {
        TableDef cases = model.table("CasesTable");
        assertEquals("linli-local-CasesTable", cases.tableName());
        assertEquals("PAY_PER_REQUEST", cases.billingMode());
        assertEquals(List.of("ByReporter", "ByAssignee", "ByQueue", "Pending", "Due", "BySupervisor", "ByDepartment",
                "OpenNearby", "ByMonth", "ByCommunityMonth", "ByUnit"), cases.globalIndexes().stream().map(TableDef.Index::name).toList());
        assertEquals("expiresAt", cases.ttl().attributeName());
        assertEquals(List.of(new TableDef.Key("pk", "HASH"), new TableDef.Key("sk", "RANGE")), cases.keySchema());
        assertEquals("expiresAt", model.table("TerritoryTable").ttl().attributeName(), "import jobs expire");
        assertTrue(model.tables().containsKey("UsersTable"));

        QueueDef assignments = model.queue("AssignmentQueue");
        assertEquals(180, assignments.visibilityTimeout());
        assertEquals(345600, assignments.messageRetentionPeriod());
        assertEquals("AssignmentDLQ", assignments.redrive().deadLetterQueueLogicalId());
        assertEquals(5, assignments.redrive().maxReceiveCount());

        QueueDef imports = model.queue("ImportQueue");
        assertEquals(5400, imports.visibilityTimeout(), "6 x the import worker's 900 s");
        assertEquals("ImportDLQ", imports.redrive().deadLetterQueueLogicalId());

        // The hotline outbox: FIFO (in order per work order), its DLQ FIFO too, deduplication by the report's own id.
        QueueDef outbox = model.queue("HotlineOutboxQueue");
        assertTrue(outbox.fifo());
        assertTrue(outbox.queueName().endsWith(".fifo"), outbox.queueName());
        assertFalse(outbox.contentBasedDeduplication());
        assertEquals("HotlineOutboxDLQ", outbox.redrive().deadLetterQueueLogicalId());
        assertTrue(model.queue("HotlineOutboxDLQ").fifo());
        FunctionEvent.Sqs pushes = model.sqsEvents().stream().filter(e -> e.queueLogicalId().equals("HotlineOutboxQueue")).findFirst().orElseThrow();
        assertTrue(pushes.reportsBatchItemFailures());
        assertEquals(model.queue("HotlineOutboxQueue").url(), model.function("CaseEventsFunction").environment().get("HOTLINE_OUTBOX_QUEUE_URL"));

        FunctionEvent.Sqs sqs = model.sqsEvents().get(0);
        assertEquals("AssignmentQueue", sqs.queueLogicalId());
        assertEquals(10, sqs.batchSize());
        assertTrue(sqs.reportsBatchItemFailures());
        assertEquals(20, sqs.maximumConcurrency());

        // Every dead-letter queue (a redrive target or a schedule's DLQ) has a depth alarm, and only those.
        java.util.Set<String> deadLetterQueues = new java.util.HashSet<>();
        model.queues().values().forEach(q -> { if (q.redrive() != null) deadLetterQueues.add(q.redrive().deadLetterQueueLogicalId()); });
        model.functions().values().forEach(f -> f.events(FunctionEvent.Schedule.class).forEach(e -> {
            if (e.deadLetterQueueLogicalId() != null) deadLetterQueues.add(e.deadLetterQueueLogicalId());
        }));
        assertTrue(deadLetterQueues.size() >= 3, deadLetterQueues.toString());
        assertEquals(deadLetterQueues, Set.copyOf(model.alarms().stream().map(AlarmDef::queueLogicalId).toList()));
        AlarmDef alarm = model.alarms().get(0);
        assertEquals("ApproximateNumberOfMessagesVisible", alarm.metricName());
        assertTrue(alarm.breaches(1) && !alarm.breaches(0));
        assertTrue(model.skipped().contains("OpsAlarmEmail"), "Condition HasAlarmEmail is false without AlarmEmail");
        assertTrue(model.notEmulated().stream().anyMatch(s -> s.startsWith("OpsAlarmTopic")));
    }

    @Test
    void theRegisterKeyIsALocalKmsKeyAndTheRegistersReachIt() {
        KeyDef key = model.keys().get("RegisterKey");
        assertNotNull(key, "AWS::KMS::Key RegisterKey is read, not left unemulated");
        assertTrue(key.enabled());
        assertTrue(key.arn().startsWith("arn:aws-cn:kms:cn-north-1:000000000000:key/") && key.arn().endsWith(key.keyId()), key.arn());
        assertFalse(model.notEmulated().stream().anyMatch(s -> s.startsWith("RegisterKey")));
        for (String fn : List.of("RegistersApiFunction", "ImportWorkerFunction")) {
            assertEquals(key.arn(), model.function(fn).environment().get("REGISTER_KEY_ID"), fn);
            assertEquals("linli-local-RegistersTable", model.function(fn).environment().get("REGISTERS_TABLE"), fn);
        }
        assertEquals(List.of("ByBound"), model.table("RegistersTable").globalIndexes().stream().map(TableDef.Index::name).toList());
        List<String> routes = model.function("RegistersApiFunction").events(FunctionEvent.HttpApi.class).stream()
                .map(FunctionEvent.HttpApi::routeKey).toList();
        assertEquals(12, routes.size(), routes.toString());   // households, ledger imports and export, 包联 visits
        assertTrue(routes.contains("GET /communities/{code}/households/{householdId}"), routes.toString());
        assertTrue(routes.contains("POST /communities/{code}/households/{householdId}/visits"), routes.toString());
    }

    @Test
    void theSweepSchedules() {
        for (String[] sweep : new String[][] {{"IntakeSweepFunction", "intake-sweep"}, {"CaseSweepFunction", "case-sweep"}}) {
            FunctionEvent.Schedule s = model.schedules().stream().filter(x -> x.functionLogicalId().equals(sweep[0]))
                    .findFirst().orElseThrow();
            assertEquals(FunctionEvent.Schedule.Kind.SCHEDULE_V2, s.kind());
            assertEquals("linli-dev-" + sweep[1], s.scheduleName());
            assertEquals(ZoneId.of("Asia/Shanghai"), s.timeZone());
            assertEquals("{\"task\":\"" + sweep[1] + "\"}", s.input());
            assertEquals(2, s.maximumRetryAttempts());
            assertEquals("SchedulesDLQ", s.deadLetterQueueLogicalId());
            assertTrue(s.enabled());
            ScheduleExpression.parse(s.expression());
        }
    }

    @Test
    void thePhotoBucketAnnouncesIncomingUploadsToItsQueue() {
        BucketDef photos = model.bucket("PhotoBucket");
        assertEquals("linli-dev-photos-000000000000-cn-north-1", photos.bucketName());
        assertEquals("arn:aws-cn:s3:::linli-dev-photos-000000000000-cn-north-1", photos.arn());
        assertEquals(1, photos.notifications().size());
        BucketDef.QueueNotification n = photos.notifications().get(0);
        assertEquals("PhotoUploadsQueue", n.queueLogicalId());
        assertEquals("incoming/", n.prefix());
        assertTrue(n.matches("ObjectCreated:Post", "incoming/u1/a.jpg") && !n.matches("ObjectCreated:Put", "photos/a.jpg"));
        assertEquals(List.of("https://servicewechat.com", "http://localhost:5173", "http://127.0.0.1:3000"),
                photos.corsRules().get(0).allowedOrigins(), "PhotoCorsOrigins");
        assertEquals("PhotoUploadsDLQ", model.queue("PhotoUploadsQueue").redrive().deadLetterQueueLogicalId());
        assertTrue(model.alarms().stream().anyMatch(a -> a.queueLogicalId().equals("PhotoUploadsDLQ")));
    }

    @Test
    void outputsResolve() {
        String url = (String) model.outputs().get("ApiUrl");
        assertTrue(url.matches("https://[a-z0-9]{10}\\.execute-api\\.cn-north-1\\.amazonaws\\.com\\.cn/"), url);
        assertEquals("linli-local-CasesTable", model.outputs().get("CasesTableName"));
    }
}
