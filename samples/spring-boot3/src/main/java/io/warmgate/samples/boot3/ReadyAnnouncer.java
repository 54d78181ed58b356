package io.warmgate.samples.boot3;

import io.warmgate.samples.common.SampleServer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints the samples' READY contract once Spring Boot is ready. With a separate management server
 * ({@code management.server.port}) it first prints {@value #MANAGEMENT_PREFIX}&lt;port&gt;, so a test that waits
 * for the READY line has both ports.
 *
 * <p>The management server lives in a child application context; its {@link WebServerInitializedEvent} reaches
 * this listener because events published in a child context are published to its parent too.
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
