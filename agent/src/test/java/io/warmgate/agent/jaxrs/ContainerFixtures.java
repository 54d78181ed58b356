package io.warmgate.agent.jaxrs;

import com.sun.net.httpserver.HttpExchange;
import io.warmgate.bridge.CapturedRequest;
import io.warmgate.bridge.HealthRequest;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Stand-ins for Jersey's two non-servlet containers: each "container" plays the resource method too and answers
 * with what it found captured (or "none"), so a test sees what the JAX-RS advice would see. Public because the
 * tests load rewritten copies in a class loader of their own.
 */
public final class ContainerFixtures {

    private ContainerFixtures() {
    }

    /** What a resource method running inside the container would take from the capture. */
    public static String takenByResource() {
        HealthRequest captured = CapturedRequest.take();
        return captured == null ? "none" : captured.path() + "|" + captured.remoteAddress() + "|"
                + (captured.localPort() > 0 ? "port" : "no port") + "|" + captured.peerHeader() + "|"
                + captured.warmupMarker() + "|" + captured.handler();
    }

    public static class JdkHttpContainer implements com.sun.net.httpserver.HttpHandler {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            byte[] body = takenByResource().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static class GrizzlyContainer extends org.glassfish.grizzly.http.server.HttpHandler {
        @Override
        public void service(Request request, Response response) throws Exception {
            response.setContentType("text/plain");
            response.getWriter().write(takenByResource());
        }
    }
}
