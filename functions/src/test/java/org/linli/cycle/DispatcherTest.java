package org.linli.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.linli.core.Page;
import org.linli.notify.Notification;
import org.linli.testing.InMemoryCycleStore;
import org.linli.testing.MutableClock;
import org.linli.testing.RecordingOutbox;

/** Paging through an audience, handing over before the time runs out, and resuming without gaps or duplicates. */
class DispatcherTest {
    private static final CycleConfig CONFIG = CycleConfig.fromClasspath();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T01:00:00Z"));
    private final InMemoryCycleStore store = new InMemoryCycleStore();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final List<DispatchWork> continuations = new ArrayList<>();
    private final Members members = new Members(1_234);
    private final DispatchWork work = new DispatchWork("DEMO:2026-11:service-day", "DEMO", "DEMO-W1", "service-day",
            YearMonth.of(2026, 11), LocalDate.parse("2026-12-03"), null, LocalDate.parse("2026-12-05"),
            List.of("cycle.service_day", "cycle.service_day_notice"));

    /** Members {@code m0000..}: every one of them in MEMBERS_SERVICE_DAY, every third in RESIDENTS_WITH_OPEN_WISHES. */
    private static final class Members implements AudienceReader {
        final List<String> ids;
        int pagesRead;

        Members(int n) {
            ids = IntStream.range(0, n).mapToObj(i -> String.format("usr_m%04d", i)).toList();
        }

        @Override
        public Session open(DispatchWork work) {
            return (audience, cursor, limit) -> {
                pagesRead++;
                List<String> all = audience == CycleAudience.MEMBERS_SERVICE_DAY ? ids
                        : IntStream.range(0, ids.size()).filter(i -> i % 3 == 0).mapToObj(ids::get).toList();
                int from = cursor == null ? 0 : Integer.parseInt(cursor);
                int to = Math.min(all.size(), from + limit);
                List<AudienceReader.Recipient> page = all.subList(from, to).stream()
                        .map(u -> new AudienceReader.Recipient(u, Map.of("count", "1"))).toList();
                return new Page<>(page, to < all.size() ? String.valueOf(to) : null);
            };
        }
    }

    private Dispatcher dispatcher(int pageSize) {
        return new Dispatcher(CONFIG, store, members, outbox, continuations::addAll, clock, pageSize);
    }

    private int expected() {
        return members.ids.size() + (members.ids.size() + 2) / 3;
    }

    @Test
    void pagesThroughEveryKindsAudienceOnceWithOneCheckpointPerPage() {
        Dispatcher.Result r = dispatcher(100).run(work, () -> Long.MAX_VALUE, 0);
        assertEquals(Dispatcher.Stop.DONE, r.stop());
        assertEquals(13 + 5, r.pages(), "1,234 members in pages of 100, then 412 residents");
        assertEquals(expected(), outbox.sent.size());
        assertEquals(expected(), outbox.sent.stream().map(Notification::id).distinct().count());
        assertEquals(r.pages(), store.saves);
        assertTrue(r.checkpoint().done());
        Notification first = outbox.sent.get(0);
        assertEquals("志愿服务日安排", first.title());
        assertEquals("2026年12月5日为志愿服务日，您已认领1个微心愿；欢迎认领更多，按时服务。", first.body());
        assertEquals("DEMO:2026-11:service-day", first.cycleId());
        assertEquals(Instant.parse("2026-12-02T16:00:00Z"), first.createdAt(), "the start of the day it fell due, in Shanghai");
        assertEquals(Map.of("month", "2026-11", "date", "2026-12-05", "count", "1"), first.values());
    }

    @Test
    void runningLowOnTimeHandsOverThroughTheQueueAndTheNextRunCarriesOn() {
        long[] remaining = {60_000};
        Dispatcher d = dispatcher(100);
        Dispatcher.Result r = d.run(work, () -> remaining[0] -= 7_000, 30_000);
        assertEquals(Dispatcher.Stop.HANDED_OVER, r.stop());
        assertTrue(r.pages() >= 1 && r.pages() < 18, "stopped before the reserve: " + r.pages());
        assertEquals(List.of(work), continuations, "the same work, to carry on from the checkpoint");
        int runs = 1;
        while (!continuations.isEmpty()) {
            DispatchWork next = continuations.remove(0);
            remaining[0] = 40_000; // each invocation has little time: a page or two
            r = d.run(next, () -> remaining[0] -= 7_000, 30_000);
            runs++;
        }
        assertEquals(Dispatcher.Stop.DONE, r.stop());
        assertTrue(runs > 5, "many short invocations: " + runs);
        assertEquals(expected(), outbox.sent.size(), "no gaps and no duplicates");
        assertEquals(expected(), outbox.sent.stream().map(Notification::id).distinct().count());
    }

    @Test
    void aCutOffMidPageResendsThatPageOnly_andDeliveryMakesTheCopiesHarmless() {
        outbox.failAfter(250); // the invocation dies while sending the third page (Lambda's timeout, a crash)
        assertThrows(IllegalStateException.class, () -> dispatcher(100).run(work, () -> Long.MAX_VALUE, 0));
        assertEquals(2, store.checkpoints.values().iterator().next().pages(), "two pages checkpointed");
        Dispatcher.Result r = dispatcher(100).run(work, () -> Long.MAX_VALUE, 0); // the message comes back
        assertEquals(Dispatcher.Stop.DONE, r.stop());
        List<String> ids = outbox.sent.stream().map(Notification::id).toList();
        Set<String> unique = new HashSet<>(ids);
        assertEquals(expected(), unique.size(), "no gaps");
        assertEquals(50, ids.size() - unique.size(), "the 50 of the third page sent before the cut-off went again, nothing else");
        Map<String, Long> copies = ids.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertTrue(copies.values().stream().allMatch(c -> c <= 2));
        // The copies carry the same ids: delivery stores and pushes each once (DeliveryTest).
    }

    @Test
    void aFinishedDispatchDoesNothingWhenFiredAgain() {
        dispatcher(500).run(work, () -> Long.MAX_VALUE, 0);
        int sent = outbox.sent.size();
        int pages = members.pagesRead;
        Dispatcher.Result again = dispatcher(500).run(work, () -> Long.MAX_VALUE, 0);
        assertEquals(Dispatcher.Stop.ALREADY_DONE, again.stop());
        assertEquals(sent, outbox.sent.size());
        assertEquals(pages, members.pagesRead, "not even a page is read");
    }

    @Test
    void ofTwoDispatchesOfTheSameWorkTheSecondToCheckpointStops() {
        Dispatcher a = dispatcher(100);
        // b reads the same checkpoint as a, then a moves it first: b's page is sent (same ids) but b stops.
        InMemoryCycleStore shared = store;
        Dispatcher b = new Dispatcher(CONFIG, new CycleStore() {
            @Override public java.util.Optional<Checkpoint> checkpoint(String c, String k) {
                var cp = shared.checkpoint(c, k);
                a.run(work, () -> 0, 1_000_000); // one page of a, between b's read and b's write
                return cp;
            }
            @Override public boolean save(Checkpoint next) { return shared.save(next); }
            @Override public java.util.Optional<MonthlySummary> summary(String c, YearMonth m) { return shared.summary(c, m); }
            @Override public Page<MonthlySummary> summaries(String c, int l, String k) { return shared.summaries(c, l, k); }
            @Override public MonthlySummary keep(MonthlySummary s) { return shared.keep(s); }
        }, members, outbox, continuations::addAll, clock, 100);
        Dispatcher.Result r = b.run(work, () -> Long.MAX_VALUE, 0);
        assertEquals(Dispatcher.Stop.OVERTAKEN, r.stop());
        assertEquals(1, store.checkpoints.values().iterator().next().pages());
        assertEquals(outbox.sent.get(0).id(), outbox.sent.get(100).id(), "b sent a's first page again: the same ids");
    }
}
