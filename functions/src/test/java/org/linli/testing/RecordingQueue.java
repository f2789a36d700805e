package org.linli.testing;

import java.util.ArrayList;
import java.util.List;
import org.linli.core.QueueUnavailable;
import org.linli.report.AssignmentQueue;
import org.linli.report.ReportReceived;

/** Records what was enqueued; can be told to fail like an unreachable queue. */
public final class RecordingQueue implements AssignmentQueue {
    public final List<ReportReceived> sent = new ArrayList<>();
    public boolean down;

    @Override
    public synchronized void enqueue(ReportReceived message) {
        if (down) throw new QueueUnavailable("down", null);
        sent.add(message);
    }

    @Override
    public synchronized int enqueueAll(List<ReportReceived> messages) {
        if (down) throw new QueueUnavailable("down", null);
        sent.addAll(messages);
        return messages.size();
    }
}
