package org.linli.local.cloud;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a call with System.out muted for the calling thread only. DynamoDB Local prints its
 * configuration banner with System.out.println (not through a logger), and the ElasticMQ start on
 * the other thread must keep its output. Whoever keeps a reference to the stand-in stream (a
 * logging appender initialised meanwhile) gets everything again once the call is over.
 */
final class Quiet {
    private Quiet() {}

    static synchronized <T> T stdout(Callable<T> call) throws Exception {
        PrintStream original = System.out;
        Thread muted = Thread.currentThread();
        AtomicBoolean active = new AtomicBoolean(true);
        System.setOut(new PrintStream(new OutputStream() {
            private boolean drop() {
                return active.get() && Thread.currentThread() == muted;
            }

            @Override
            public void write(int b) {
                if (!drop()) original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (!drop()) original.write(b, off, len);
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true));
        try {
            return call.call();
        } finally {
            active.set(false);
            System.setOut(original);
        }
    }
}
