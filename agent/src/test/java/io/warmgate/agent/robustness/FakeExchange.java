package io.warmgate.agent.robustness;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A request for {@code /health} and a response that records what was written, as dynamic proxies of the
 * servlet interfaces. Any accessor named in {@code failing} throws, as some request wrappers' accessors do.
 */
final class FakeExchange {

    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = 200;
    /** The request's path; a query string after '?' is the request's query. */
    String target = "/health";
    /** One writer per response, as containers do. */
    private final PrintWriter writer = new PrintWriter(body, true, StandardCharsets.UTF_8);
    private final Set<String> failing;

    FakeExchange(String... failing) {
        this.failing = Set.of(failing);
    }

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> {
                    String name = method.getName();
                    if (failing.contains(name)) {
                        throw new UnsupportedOperationException(name + " is not supported by this request wrapper");
                    }
                    switch (name) {
                        case "getRequestURI": return target.contains("?") ? target.substring(0, target.indexOf('?'))
                                : target;
                        case "getQueryString": return target.contains("?") ? target.substring(target.indexOf('?') + 1)
                                : null;
                        case "isAsyncStarted": return false;
                        case "getRemoteAddr": return "10.0.0.7";
                        case "getLocalPort": return 8080;
                        case "getMethod": return "GET";
                        case "getAttribute": return attributes.get((String) arguments[0]);
                        case "setAttribute": attributes.put((String) arguments[0], arguments[1]); return null;
                        case "toString": return "GET " + target + " from 10.0.0.7";
                        default: return null;
                    }
                });
    }

    HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, arguments) -> {
                    String name = method.getName();
                    if (failing.contains(name)) {
                        throw new IllegalStateException(name + ": the response is closed");
                    }
                    switch (name) {
                        case "setStatus": status = (Integer) arguments[0]; return null;
                        case "setHeader": headers.put((String) arguments[0], (String) arguments[1]); return null;
                        case "setContentType": headers.put("Content-Type", (String) arguments[0]); return null;
                        case "isCommitted": return false;
                        case "getStatus": return status;
                        case "getOutputStream": return new RecordingOutput();
                        case "getWriter": return writer;
                        case "toString": return "response";
                        default: return null;
                    }
                });
    }

    String answer() {
        return status + " " + headers + " " + body.toString(StandardCharsets.UTF_8).replace("\n", "\\n");
    }

    private final class RecordingOutput extends ServletOutputStream {
        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // writes never block here
        }
    }
}
