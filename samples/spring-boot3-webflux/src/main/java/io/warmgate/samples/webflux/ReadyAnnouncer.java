package io.warmgate.samples.webflux;

import io.warmgate.samples.common.SampleServer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints the samples' READY contract once Spring Boot is ready, in the same form as the servlet Boot 3 sample:
 * with a separate management server ({@code management.server.port}) first {@value #MANAGEMENT_PREFIX}&lt;port&gt;,
 * so a test that waits for the READY line has both ports. The management server's Reactor Netty runs in a child
 * application context, whose events reach this listener in the parent.
 */
@Component
public class ReadyAnnouncer {

    static final String MANAGEMENT_PREFIX = "SAMPLE MANAGEMENT port=";
    private static final String MANAGEMENT_NAMESPACE = "management";

    private volatile int serverPort = -1;
    private volatile int managementPort = -1;

    @EventListener
    public void onWebServerStarted(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            managementPort = port;
        } else {
            serverPort = port;
        }
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        if (managementPort >= 0) {
            System.out.println(MANAGEMENT_PREFIX + managementPort);
        }
        SampleServer.announceReady(serverPort);
    }
}
