package io.warmgate.samples.boot2;

import io.warmgate.samples.common.SampleServer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints the samples' READY line once Spring Boot is ready to serve. */
@Component
public class ReadyAnnouncer {

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        WebServerApplicationContext context = (WebServerApplicationContext) event.getApplicationContext();
        SampleServer.announceReady(context.getWebServer().getPort());
    }
}
