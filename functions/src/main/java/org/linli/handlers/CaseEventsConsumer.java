package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import org.linli.adapters.sqs.CaseEventMessage;
import org.linli.cases.CaseEvent;
import org.linli.kpi.KpiFolder;
import org.linli.notify.Notifier;
import org.linli.observability.Log;
import org.linli.wiring.Wiring;

/**
 * Consumes {@code case.event} messages. A queue has one consumer and an action sends one message,
 * so every reader of the stream is a {@link Subscriber} here, each idempotent on its own: the
 * notifications (who must hear of the event: reporters and followers, the assignee, the
 * dispatchers of the level a case lands at, summoned departments: inbox items, and those of a kind
 * with a WeChat template go on to the notification queue, whose consumer pushes them once) and the KPI counters (the
 * case's contribution re-folded from its audit trail). They run in order; if one fails the
 * message fails and is delivered again, and the ones that had succeeded find their work done.
 */
public final class CaseEventsConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** One reader of the case event stream; it must tolerate the same event twice and events out of order. */
    public interface Subscriber {
        String name();

        /** Does its work; returns a short word for the log (how many notifications, what the fold did). */
        String accept(CaseEvent event);
    }

    private final List<Subscriber> subscribers;

    public CaseEventsConsumer() {
        this(Wiring.current());
    }

    private CaseEventsConsumer(Wiring w) {
        this(List.of(notifications(w.notifier()), kpis(w.kpiFolder()), retention(w.closedCases()), hotline(w.statusReports())));
    }

    public CaseEventsConsumer(List<Subscriber> subscribers) {
        this.subscribers = List.copyOf(subscribers);
    }

    /** The in-app inbox: one notification per recipient, keyed by (event, recipient). */
    public static Subscriber notifications(Notifier notifier) {
        return subscriber("notifications", e -> String.valueOf(notifier.deliver(e)));
    }

    /** The KPI counters of every unit the case counts in, guarded by the case's fold record. */
    public static Subscriber kpis(KpiFolder folder) {
        return subscriber("kpis", e -> folder.fold(e.caseId(), e.version()).name());
    }

    /** The retention index: a case that closes (or is rejected) is noted under that day, for the retention job (docs/privacy.md). */
    public static Subscriber retention(org.linli.privacy.ClosedCases closed) {
        return subscriber("retention", e -> {
            if (e.to() != org.linli.cases.CaseStatus.CLOSED && e.to() != org.linli.cases.CaseStatus.REJECTED) return "-";
            closed.closed(e.caseId(), java.time.LocalDate.ofInstant(e.at(), org.linli.core.Times.CHINA));
            return "NOTED";
        });
    }

    /** The 12345 platform's status reports of a work order's case, into the hotline outbox (docs/hotline.md). */
    public static Subscriber hotline(org.linli.hotline.StatusReports reports) {
        return subscriber("hotline", e -> String.valueOf(reports.accept(e)));
    }

    static Subscriber subscriber(String name, java.util.function.Function<CaseEvent, String> work) {
        return new Subscriber() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String accept(CaseEvent event) {
                return work.apply(event);
            }
        };
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return MessageLoop.run(event, "case_event", CaseEventMessage::decode, "eventId", e -> e.eventId(),
                (e, messageId) -> {
                    Object[] log = new Object[8 + 2 * subscribers.size()];
                    int i = 0;
                    log[i++] = "eventId";
                    log[i++] = e.eventId();
                    log[i++] = "caseId";
                    log[i++] = e.caseId();
                    log[i++] = "action";
                    log[i++] = e.action();
                    log[i++] = "messageId";
                    log[i++] = messageId;
                    for (Subscriber s : subscribers) {
                        log[i++] = s.name();
                        log[i++] = s.accept(e);
                    }
                    Log.info("case_event.delivered", log);
                });
    }
}
