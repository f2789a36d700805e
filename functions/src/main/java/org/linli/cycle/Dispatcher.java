package org.linli.cycle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.linli.core.Ids;
import org.linli.core.Page;
import org.linli.notify.Notification;
import org.linli.notify.Outbox;
import org.linli.notify.Texts;

/**
 * Tells one community about one cycle step: for each of the step's kinds, page by page through
 * its audience, one notification per person to the outbox (SendMessageBatch, ten per call), the
 * checkpoint written after each page. Before the invocation runs out of time it sends the work to
 * the dispatch queue again and stops; whoever picks it up carries on from the checkpoint.
 *
 * <p>No gaps: the cursor moves only after its page was sent. No duplicates that matter: a page
 * sent just before a cut-off, and not checkpointed, is sent again - with the same notification
 * ids, which delivery stores and pushes once. Two dispatches of the same work (a re-fired
 * schedule, a copy of a message) race for each checkpoint write; the loser stops.
 */
public final class Dispatcher {
    private final CycleConfig config;
    private final CycleStore store;
    private final AudienceReader audiences;
    private final Outbox outbox;
    private final DispatchQueue queue;
    private final Clock clock;
    private final int pageSize;

    public Dispatcher(CycleConfig config, CycleStore store, AudienceReader audiences, Outbox outbox, DispatchQueue queue,
                      Clock clock, int pageSize) {
        if (pageSize < 1) throw new IllegalArgumentException("page size must be positive");
        this.config = config;
        this.store = store;
        this.audiences = audiences;
        this.outbox = outbox;
        this.queue = queue;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    public enum Stop {
        /** The last page of the last kind is sent. */
        DONE,
        /** Nothing to do: the checkpoint says done (a re-fired schedule, a copy of the message). */
        ALREADY_DONE,
        /** Another dispatch of the same work moved the checkpoint first; it carries on. */
        OVERTAKEN,
        /** Out of time: the work was sent to the dispatch queue to carry on. */
        HANDED_OVER
    }

    public record Result(Stop stop, int pages, int sent, Checkpoint checkpoint) {}

    /**
     * Runs until done, overtaken, or {@code remainingMillis} falls below {@code reserveMillis} plus
     * twice the longest page so far. At least one page is always done, so the work progresses
     * however small the budget.
     */
    public Result run(DispatchWork work, LongSupplier remainingMillis, long reserveMillis) {
        Checkpoint cp = store.checkpoint(work.cycleId(), work.community())
                .orElseGet(() -> Checkpoint.start(work.cycleId(), work.community(), clock.instant()));
        if (cp.done()) return new Result(Stop.ALREADY_DONE, 0, 0, cp);
        AudienceReader.Session session = audiences.open(work);
        int pages = 0;
        int sent = 0;
        long longest = 0;
        while (true) {
            long start = System.nanoTime();
            List<Notification> batch = new ArrayList<>();
            String next = null;
            CycleConfig.Kind kind = config.kind(work.kinds().get(cp.kindIndex())).orElse(null);
            if (kind != null) { // a kind removed from the configuration since the step was planned is skipped
                Page<AudienceReader.Recipient> page = session.page(kind.audience(), cp.cursor(), pageSize);
                batch = notifications(work, kind, page.items());
                next = page.nextCursor();
            }
            if (!batch.isEmpty()) outbox.send(batch);
            Checkpoint after = cp.after(batch.size(), next, work.kinds().size(), clock.instant());
            if (!store.save(after)) return new Result(Stop.OVERTAKEN, pages, sent, cp);
            cp = after;
            pages++;
            sent += batch.size();
            if (cp.done()) return new Result(Stop.DONE, pages, sent, cp);
            longest = Math.max(longest, (System.nanoTime() - start) / 1_000_000);
            if (remainingMillis.getAsLong() < reserveMillis + 2 * longest) {
                queue.enqueue(List.of(work));
                return new Result(Stop.HANDED_OVER, pages, sent, cp);
            }
        }
    }

    /** One notification per person (a person listed twice on a page - two wishes - is told once). */
    private static List<Notification> notifications(DispatchWork work, CycleConfig.Kind kind, List<AudienceReader.Recipient> people) {
        Map<String, Notification> byUser = new LinkedHashMap<>();
        for (AudienceReader.Recipient r : people) {
            if (byUser.containsKey(r.userId())) continue;
            Map<String, String> values = new LinkedHashMap<>();
            values.put("month", work.cycleMonth().toString());
            if (work.deadline() != null) values.put("deadline", work.deadline().toString());
            if (work.eventDate() != null) values.put("date", work.eventDate().toString());
            values.putAll(r.values());
            byUser.put(r.userId(), new Notification(notificationId(work, kind.code(), r.userId()), r.userId(), kind.code(),
                    Texts.render(kind.title(), values), Texts.render(kind.body(), values), null, null, null, null,
                    work.cycleId(), work.community(), values, work.notifiedAt(), null));
        }
        return new ArrayList<>(byUser.values());
    }

    /** The idempotency key of delivery: (recipient, cycle, kind), ordered by the day the step fell due. */
    public static String notificationId(DispatchWork work, String kind, String userId) {
        return Ids.derivedAt("ntf", work.notifiedAt(), work.cycleId(), kind, userId);
    }
}
