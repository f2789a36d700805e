package org.linli.cycle;

import java.util.List;

/** The queue of dispatch work: one message per community and step, and the continuations. */
public interface DispatchQueue {
    /** Sends every work item (SendMessageBatch, ten per call); QueueUnavailable when any could not be sent. */
    void enqueue(List<DispatchWork> work);
}
