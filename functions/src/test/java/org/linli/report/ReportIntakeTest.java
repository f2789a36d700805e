package org.linli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.core.Conflict;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.testing.InMemoryCasesTable;
import org.linli.testing.MutableClock;
import org.linli.testing.RecordingQueue;

class ReportIntakeTest {
    private final InMemoryCasesTable table = new InMemoryCasesTable();
    private final RecordingQueue queue = new RecordingQueue();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final ReportIntake intake = new ReportIntake(table.reportStore, queue, clock);

    private static ReportDraft draft(String description) {
        return new ReportDraft("sanitation", description, new GeoPoint(37.85, 113.56, Datum.GCJ02), null, List.of(),
                new Contact("王芳", "13812341234"), false, Source.MINI_PROGRAM);
    }

    @Test
    void aReportIsStoredReceivedAndEnqueued() {
        var s = intake.submit("usr_1", draft("x"), null);
        assertFalse(s.replayed());
        assertEquals(ReportStatus.RECEIVED, table.reports.get(s.report().id()).status());
        assertEquals(1, queue.sent.size());
        assertEquals(s.report().id(), queue.sent.get(0).reportId());
        assertEquals(1, table.writes, "one write");
    }

    @Test
    void theSameIdempotencyKeyStoresOneReport() {
        var first = intake.submit("usr_1", draft("x"), "key-1");
        var again = intake.submit("usr_1", draft("x"), "key-1");
        assertEquals(first.report().id(), again.report().id());
        assertTrue(again.replayed());
        assertEquals(1, table.reports.size());
    }

    @Test
    void theSameKeyFromAnotherReporterIsAnotherReport() {
        var a = intake.submit("usr_1", draft("x"), "key-1");
        var b = intake.submit("usr_2", draft("x"), "key-1");
        assertNotEquals(a.report().id(), b.report().id());
    }

    @Test
    void reusingAKeyForADifferentReportIsAConflict() {
        intake.submit("usr_1", draft("x"), "key-1");
        Conflict c = assertThrows(Conflict.class, () -> intake.submit("usr_1", draft("y"), "key-1"));
        assertEquals("IDEMPOTENCY_KEY_REUSED", c.code());
        assertEquals(1, table.reports.size());
    }

    @Test
    void aFailedSendKeepsTheReportAndARetryOrTheSweepEnqueuesIt() {
        queue.down = true;
        var s = intake.submit("usr_1", draft("x"), "key-1");
        assertFalse(s.queued());
        assertEquals(1, table.reports.size(), "stored anyway");
        queue.down = false;

        var retried = intake.submit("usr_1", draft("x"), "key-1");
        assertTrue(retried.replayed());
        assertEquals(1, queue.sent.size(), "a retry of a still-RECEIVED report enqueues it");

        queue.sent.clear();
        var sweep = new StuckReports(table.reportStore, queue, clock);
        assertEquals(0, sweep.requeue(Duration.ofMinutes(2), 100), "too young to be stuck");
        clock.advance(Duration.ofMinutes(3));
        assertEquals(1, sweep.requeue(Duration.ofMinutes(2), 100));
        assertEquals(s.report().id(), queue.sent.get(0).reportId());
    }
}
