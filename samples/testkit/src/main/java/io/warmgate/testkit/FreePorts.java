package io.warmgate.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports, chosen before the processes that will listen on them start. HAProxy's configuration must name
 * every server's port up front, including the instance that only starts mid-run, so ports announced after
 * start-up are not enough.
 *
 * <p>Ports come from {@value #LOWEST}..{@value #HIGHEST}, below Linux's ephemeral range (32768 and up), where the
 * kernel never hands out ports on its own: another process binding port 0 or opening a client connection cannot
 * take a port between this check and its use. Only a process that picks the same fixed port could.
 */
public final class FreePorts {

    static final int LOWEST = 20_000;
    static final int HIGHEST = 32_000;
    private static final int MAX_TRIES = 1_000;

    private FreePorts() {
    }

    public static List<Integer> pick(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            // Every socket stays open until all ports are picked, so no port is handed out twice.
            for (int tries = 0; ports.size() < count && tries < MAX_TRIES; tries++) {
                int candidate = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
                ServerSocket socket = bindOrNull(candidate);
                if (socket != null) {
                    held.add(socket);
                    ports.add(candidate);
                }
            }
            if (ports.size() < count) {
                throw new IllegalStateException("found only " + ports.size() + " of " + count + " free ports in "
                        + LOWEST + ".." + HIGHEST);
            }
            return List.copyOf(ports);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // released when this JVM exits anyway
                }
            }
        }
    }

    public static int pick() {
        return pick(1).get(0);
    }

    /** Binds the wildcard address, as the samples do, so a port free here is free for them too. */
    private static ServerSocket bindOrNull(int port) {
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port), 1);
            return socket;
        } catch (IOException taken) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to release
                }
            }
            return null;
        }
    }
}
