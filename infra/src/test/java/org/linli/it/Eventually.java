package org.linli.it;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds or a deadline passes; returns how long it took. */
public final class Eventually {
    private Eventually() {}

    public static <T> T await(Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last: " + last);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
