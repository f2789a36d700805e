package org.linli.testing;

import java.util.ArrayList;
import java.util.List;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseEventPublisher;
import org.linli.core.QueueUnavailable;

/** Keeps every published case event; {@link #failNext} makes the next send fail as SQS would. */
public final class RecordingEvents implements CaseEventPublisher {
    public final List<CaseEvent> sent = new ArrayList<>();
    public int failNext;

    @Override
    public synchronized void publish(CaseEvent event) {
        if (failNext > 0) {
            failNext--;
            throw new QueueUnavailable("queue down (test)", null);
        }
        sent.add(event);
    }

    public CaseEvent last() {
        return sent.get(sent.size() - 1);
    }
}
