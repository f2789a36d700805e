package org.linli.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.linli.notify.Notification;
import org.linli.notify.Outbox;

/** An outbox that keeps what was sent; {@link #failAfter} makes it fail like a queue that went away. */
public final class RecordingOutbox implements Outbox {
    public final List<Notification> sent = new CopyOnWriteArrayList<>();
    public final List<Integer> calls = new CopyOnWriteArrayList<>();
    private int failAfter = Integer.MAX_VALUE;

    /** The send that would take the total past {@code n} notifications throws, after sending up to {@code n}. */
    public void failAfter(int n) {
        failAfter = n;
    }

    @Override
    public void send(List<Notification> notifications) {
        for (Notification n : notifications) {
            if (sent.size() >= failAfter) {
                failAfter = Integer.MAX_VALUE;
                throw new IllegalStateException("simulated cut-off");
            }
            sent.add(n);
        }
        calls.add(notifications.size());
    }
}
