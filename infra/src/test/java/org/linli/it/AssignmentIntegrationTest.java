package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.adapters.dynamo.cases.DynamoCaseStore;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.adapters.sqs.ReportReceivedMessage;
import org.linli.adapters.sqs.SqsAssignmentQueue;
import org.linli.cases.Case;
import org.linli.cases.CaseStatus;
import org.linli.core.Ids;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportReceived;
import org.linli.report.ReportStatus;
import org.linli.report.Source;
import org.linli.territory.WorkerChoice;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * AssignmentFunction and IntakeSweepFunction against the embedded cloud: SQS in, DynamoDB out,
 * messages delivered twice, poison messages, and the sweep that heals a lost send.
 */
class AssignmentIntegrationTest {
    private static LocalCloud cloud;
    private static DynamoReportStore reports;
    private static DynamoCaseStore cases;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        reports = new DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        cases = new DynamoCaseStore(cloud.dynamo(), cloud.tableName("CasesTable"));
    }

    /** A RECEIVED report stored directly, as if intake had written it; no message sent. */
    private static Report stored(double lat, double lng, Instant receivedAt) {
        Report r = Report.received(Ids.random("rpt", receivedAt), "usr_it", new ReportDraft("sanitation", "积水",
                new GeoPoint(lat, lng, Datum.GCJ02), null, List.of(), new Contact(null, "13812341234"), false, Source.MINI_PROGRAM),
                receivedAt);
        assertTrue(reports.insertNew(r).isEmpty());
        return r;
    }

    private static Case awaitCase(Report r) {
        String caseId = Ids.rebrand(r.id(), "case");
        return Eventually.await(Duration.ofSeconds(10), () -> cases.find(caseId).orElse(null), c -> c != null, "case of " + r.id());
    }

    @Test
    void aMessageDeliveredTwiceOpensOneCase() {
        // 400 m from the end-to-end test's reports of the same category: a nearby open case would be joined instead.
        Report r = stored(37.8445, 113.5475, LinliCloud.now());
        var queue = new SqsAssignmentQueue(cloud.sqs(), cloud.queueUrl("AssignmentQueue"));
        queue.enqueue(ReportReceived.of(r));
        queue.enqueue(ReportReceived.of(r));
        Case c = awaitCase(r);
        assertEquals(CaseStatus.ASSIGNED, c.status());
        assertEquals("DEMO-W1-G1", c.placement().grid().code());

        // And the function invoked directly with the same message again: no failure, nothing changes.
        String event = "{\"Records\":[{\"messageId\":\"m-dup\",\"receiptHandle\":\"h\",\"body\":"
                + Json.mapper().valueToTree(ReportReceivedMessage.encode(ReportReceived.of(r))) + ",\"attributes\":{\"ApproximateReceiveCount\":\"2\"},"
                + "\"messageAttributes\":{},\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"" + cloud.queueArn("AssignmentQueue") + "\",\"awsRegion\":\"cn-north-1\"}]}";
        String answer = cloud.invoke("AssignmentFunction", event);
        assertEquals(0, Json.parse(answer).path("batchItemFailures").size(), answer);
        Case after = cases.find(c.id()).orElseThrow();
        assertEquals(c.createdAt(), after.createdAt());
        assertEquals(1, after.version());
        assertEquals(ReportStatus.CASED, reports.find(r.id()).orElseThrow().status());
        assertEquals(0, depth("AssignmentDLQ"));
    }

    @Test
    void aPoisonMessageIsReportedAsFailedAndNotDropped() {
        String event = "{\"Records\":[{\"messageId\":\"m-poison\",\"receiptHandle\":\"h\",\"body\":\"{\\\"type\\\":\\\"nonsense\\\"}\","
                + "\"attributes\":{\"ApproximateReceiveCount\":\"1\"},\"messageAttributes\":{},\"eventSource\":\"aws:sqs\","
                + "\"eventSourceARN\":\"" + cloud.queueArn("AssignmentQueue") + "\",\"awsRegion\":\"cn-north-1\"}]}";
        var failures = Json.parse(cloud.invoke("AssignmentFunction", event)).path("batchItemFailures");
        assertEquals(1, failures.size());
        assertEquals("m-poison", failures.get(0).path("itemIdentifier").asText());
    }

    @Test
    void workerChoiceRulesHoldAgainstTheDemoRosters() {
        // DEMO-W1-G2: the worker is on leave, his backup takes it. DEMO-E2-G3: nobody, the dispatcher.
        Report onLeave = stored(37.850, 113.555, LinliCloud.now());
        Report nobody = stored(37.860, 113.595, LinliCloud.now());
        var queue = new SqsAssignmentQueue(cloud.sqs(), cloud.queueUrl("AssignmentQueue"));
        queue.enqueueAll(List.of(ReportReceived.of(onLeave), ReportReceived.of(nobody)));
        assertEquals(WorkerChoice.Rule.BACKUP, awaitCase(onLeave).assignee().rule());
        Case c = awaitCase(nobody);
        assertEquals(WorkerChoice.Rule.COMMUNITY_DISPATCHER, c.assignee().rule());
        assertEquals(org.linli.tools.DemoTerritory.userId("dispatcher-DEMO-E2"), c.assignee().userId());
    }

    /** The sweep's two-minute threshold, reached by moving the cloud's clock: no waiting, no back-dated report. */
    @Test
    void theIntakeSweepEnqueuesAReportWhoseSendWasLost() throws InterruptedException {
        Report lost = stored(37.845, 113.585, LinliCloud.now());
        // A minute on, the report's own message may still be on its way: the sweep leaves it alone.
        LinliCloud.CLOCK.advance(Duration.ofMinutes(1));
        var early = cloud.fireSchedule("linli-local-intake-sweep");
        assertTrue(early.succeeded(), early.toString());
        Thread.sleep(1500); // what a re-sent message would take to be assigned, several times over
        assertEquals(ReportStatus.RECEIVED, reports.find(lost.id()).orElseThrow().status(), "re-sent before two minutes: " + early.output());
        assertTrue(cases.find(Ids.rebrand(lost.id(), "case")).isEmpty());

        // Past two minutes it is re-sent and placed.
        Instant scheduled = cloud.scheduler().find("linli-local-intake-sweep").next();
        LinliCloud.CLOCK.advance(Duration.ofSeconds(65));
        // The schedule's own five-minute firing may come first when the moved clock passes it; then it re-sent the report.
        boolean scheduleDue = scheduled != null && !LinliCloud.now().isBefore(scheduled);
        var firing = cloud.fireSchedule("linli-local-intake-sweep");
        assertTrue(firing.succeeded(), firing.toString());
        assertTrue(scheduleDue || Json.parse(firing.output()).path("requeued").asInt() >= 1, firing.output());
        Case c = awaitCase(lost);
        assertEquals("DEMO-E1-G2", c.placement().grid().code());
        assertEquals(ReportStatus.CASED, reports.find(lost.id()).orElseThrow().status());
    }

    private static int depth(String queue) {
        Map<QueueAttributeName, String> a = cloud.sqs().getQueueAttributes(b -> b.queueUrl(cloud.queueUrl(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }
}
