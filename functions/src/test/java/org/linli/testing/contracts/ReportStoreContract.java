package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.linli.core.RateLimit;
import org.linli.core.TooManyRequests;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportStore;
import org.linli.report.Source;

/**
 * What every {@link ReportStore} does, written once: run against InMemoryCasesTable's report store and against
 * DynamoDB Local. Ids, reporters and - for the pending reports - the hour are fresh per instance (the table is shared).
 */
public abstract class ReportStoreContract {
    protected abstract ReportStore store();

    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Report report(String name, String reporter, Instant at) {
        return Report.received("rpt_" + run + name, "usr_" + run + reporter, new ReportDraft("sanitation", "楼道堆放杂物 " + name,
                new GeoPoint(37.8481, 113.5452, Datum.GCJ02), null, List.of(), new Contact("王芳", "13812341234"), false,
                Source.MINI_PROGRAM), at);
    }

    @Test
    void aReportIsStoredOnceAndARetryGetsTheFirst() {
        Report r = report("a", "res", AT);
        assertEquals(Optional.empty(), store().find(r.id()));
        assertEquals(Optional.empty(), store().insertNew(r));
        assertEquals(Optional.of(r), store().find(r.id()));
        Report retried = report("a", "res", AT.plusSeconds(30));
        assertEquals(Optional.of(r), store().insertNew(retried));
        assertEquals(Optional.of(r), store().find(r.id()));
    }

    @Test
    void theRateLimitCountsStoredReportsOnlyAndRefusesTheOneOverIt() {
        RateLimit limit = new RateLimit("reports", 2, Duration.ofHours(1));
        Report first = report("q1", "quota", AT);
        assertEquals(Optional.empty(), store().insertNew(first, limit.charge(first.reporterId(), AT)));
        assertEquals(Optional.of(first), store().insertNew(first, limit.charge(first.reporterId(), AT)), "a retry is not counted");
        Report second = report("q2", "quota", AT.plusSeconds(60));
        assertEquals(Optional.empty(), store().insertNew(second, limit.charge(second.reporterId(), AT.plusSeconds(60))));
        Report third = report("q3", "quota", AT.plusSeconds(120));
        assertThrows(TooManyRequests.class, () -> store().insertNew(third, limit.charge(third.reporterId(), AT.plusSeconds(120))));
        assertEquals(Optional.empty(), store().find(third.id()), "nothing stored over the limit");
    }

    @Test
    void aReportersReportsAreListedNewestFirstPageByPage() {
        List<Report> filed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Report r = report("p" + i, "lister", AT.plusSeconds(60L * i));
            store().insertNew(r);
            filed.add(r);
        }
        List<String> listed = Paging.all(2, cursor -> store().byReporter("usr_" + run + "lister", 2, cursor)).stream().map(Report::id).toList();
        assertEquals(List.of(filed.get(2).id(), filed.get(1).id(), filed.get(0).id()), listed);
    }

    @Test
    void reportsWithoutACaseReceivedBeforeATimeAreFoundOldestFirst() {
        // An hour no other suite files in: somewhere in the 16th century.
        Instant hour = Instant.parse("1500-01-01T00:00:00Z").plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(800_000)));
        Report late = report("s1", "sweep", hour.plusSeconds(600));
        Report early = report("s2", "sweep", hour.plusSeconds(60));
        Report after = report("s3", "sweep", hour.plusSeconds(7200));
        for (Report r : List.of(late, early, after)) store().insertNew(r);
        Set<String> mine = Set.of(late.id(), early.id(), after.id());
        List<String> found = store().pendingBefore(hour.plusSeconds(3600), 100).stream().map(Report::id).filter(mine::contains).toList();
        assertEquals(List.of(early.id(), late.id()), found);
    }
}
