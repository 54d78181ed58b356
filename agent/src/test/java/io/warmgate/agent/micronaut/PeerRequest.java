package io.warmgate.agent.micronaut;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.simple.SimpleHttpRequest;
import java.net.InetSocketAddress;

/** A Micronaut request as the Netty server hands it over: with the socket's two ends. */
class PeerRequest extends SimpleHttpRequest<Object> {

    private final InetSocketAddress remote;
    private final InetSocketAddress local;

    PeerRequest(HttpMethod method, String uri, InetSocketAddress remote, InetSocketAddress local) {
        super(method, uri, null);
        this.remote = remote;
        this.local = local;
    }

    static PeerRequest get(String uri, String remoteHost) {
        return new PeerRequest(HttpMethod.GET, uri, new InetSocketAddress(remoteHost, 40123),
                new InetSocketAddress("127.0.0.1", 8080));
    }

    PeerRequest with(String header, String value) {
        getHeaders().add(header, value);
        return this;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress getServerAddress() {
        return local;
    }
}
