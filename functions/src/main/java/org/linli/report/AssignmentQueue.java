package org.linli.report;

import java.util.List;

/** Hands received reports to assignment. Adapters throw QueueUnavailable when the queue cannot be reached. */
public interface AssignmentQueue {
    void enqueue(ReportReceived message);

    /** Sends in batches; returns how many were accepted. */
    int enqueueAll(List<ReportReceived> messages);
}
