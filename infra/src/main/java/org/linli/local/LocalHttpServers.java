package org.linli.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Every HTTP server of the local cloud (the gateway, the fake WeChat server, the fake Secrets Manager) is made here,
 * with TCP_NODELAY. The JDK's server writes a response's headers and its body as two segments; with Nagle's
 * algorithm on, the body waits for the client's delayed ACK of the headers - 40 ms on Linux - so every local request
 * took at least 40 ms whatever the handler did (issue 14 item 6: most of the matrix and hostile-input suites' time).
 * The JDK reads the switch once, when its first server is made: hence one place, used before any.
 */
public final class LocalHttpServers {
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private LocalHttpServers() {}

    public static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        if (System.getProperty(NODELAY) == null) System.setProperty(NODELAY, "true");
        return HttpServer.create(address, backlog);
    }
}
