package org.linli.territory.imports;

/** Hands a committed import to the worker. */
public interface ImportQueue {
    void send(String jobId);
}
