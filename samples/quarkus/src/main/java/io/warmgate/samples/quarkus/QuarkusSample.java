package io.warmgate.samples.quarkus;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.warmgate.samples.common.SampleServer;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * The Quarkus sample's main. Quarkus in production mode does not say which port it bound for port 0, so the sample
 * picks a free port itself for {@code sample.port=0} and hands it to Quarkus; Quarkus runs {@link #run} once the
 * application has started and its HTTP server listens, which is when the samples' READY line is printed.
 */
@QuarkusMain
public class QuarkusSample implements QuarkusApplication {

    private static final String PORT_PROPERTY = "quarkus.http.port";

    public static void main(String[] args) {
        try {
            System.setProperty(PORT_PROPERTY, String.valueOf(portToBind(SampleServer.configuredPort())));
        } catch (IOException | IllegalArgumentException e) {
            SampleServer.failStartup("sample-quarkus", e);
            return;
        }
        Quarkus.run(QuarkusSample.class, args);
    }

    private static int portToBind(int configured) throws IOException {
        if (configured != 0) {
            return configured;
        }
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    @Override
    public int run(String... args) {
        SampleServer.announceReady(Integer.parseInt(System.getProperty(PORT_PROPERTY)));
        Quarkus.waitForExit();
        return 0;
    }
}
