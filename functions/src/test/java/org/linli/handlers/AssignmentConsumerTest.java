package org.linli.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.cases.Assignment;
import org.linli.categories.Categories;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.report.Contact;
import org.linli.report.ReportDraft;
import org.linli.report.ReportIntake;
import org.linli.report.Source;
import org.linli.territory.Locator;
import org.linli.territory.MapPublisher;
import org.linli.testing.Events;
import org.linli.testing.InMemoryCasesTable;
import org.linli.testing.InMemoryTerritory;
import org.linli.testing.MutableClock;
import org.linli.testing.RecordingQueue;
import org.linli.testing.SmallTerritory;

class AssignmentConsumerTest {
    @Test
    void goodMessagesBecomeCasesAndOnlyTheBadOneIsReportedFailed() {
        var table = new InMemoryCasesTable();
        var territory = new InMemoryTerritory();
        new MapPublisher(territory).publish(SmallTerritory.map(), "test");
        var clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
        var queue = new RecordingQueue();
        var report = new ReportIntake(table.reportStore, queue, clock).submit("usr_resident", new ReportDraft("sanitation", "x",
                new GeoPoint(37.85, 113.56, Datum.GCJ02), null, List.of(), new Contact(null, "13812341234"), false,
                Source.MINI_PROGRAM), null).report();
        var consumer = new AssignmentConsumer(new Assignment(new Locator(territory), territory, table.caseStore,
                new org.linli.testing.InMemoryDepartments(), new org.linli.testing.RecordingEvents(), Categories.fromClasspath(), clock));

        String json = Events.read("sqs-report-received.json").replace("REPORT_ID", report.id());
        SQSBatchResponse r = consumer.handleRequest(Events.parse(json, SQSEvent.class), null);
        assertEquals(1, r.getBatchItemFailures().size());
        assertEquals("0b1c3a5e-41f6-4d7c-9b3e-2d61f0c1a002", r.getBatchItemFailures().get(0).getItemIdentifier());
        assertEquals(1, table.cases.size());

        // Delivered again (visibility timeout, at-least-once): still one case, and no failure for it.
        SQSBatchResponse again = consumer.handleRequest(Events.parse(json, SQSEvent.class), null);
        assertEquals(1, again.getBatchItemFailures().size());
        assertEquals(1, table.cases.size());
    }
}
