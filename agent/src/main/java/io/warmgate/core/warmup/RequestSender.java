package io.warmgate.core.warmup;

import java.io.IOException;

/** Sends one warm-up request and waits for the whole answer. The driver's only contact with the network. */
interface RequestSender {

    /**
     * @param readTimeoutMillis the longest wait for any read from the server; always positive
     * @return the HTTP status of the answer
     * @throws IOException when there is no complete answer: refused, timed out, malformed or cut short
     */
    int send(WarmupRequest request, int readTimeoutMillis) throws IOException;
}
