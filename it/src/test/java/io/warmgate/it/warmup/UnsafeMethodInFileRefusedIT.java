package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.KIND;

import java.nio.file.Files;
import java.nio.file.Path;

/** A request file with a DELETE on its third line, and no {@code warmup.unsafe-methods}. */
class UnsafeMethodInFileRefusedIT extends UnsafeMethodRefusalBehaviour {

    private Path file;

    @Override
    String name() {
        return "tomcat-warmup-unsafe-file-refused";
    }

    @Override
    String agentArgs() throws Exception {
        file = Files.createTempFile("warmup-requests", ".txt");
        Files.writeString(file, "# warm the catalog\nGET " + KIND.path("/api/items?id=2") + "\nDELETE "
                + KIND.path("/api/items?id=2") + "\n");
        return "warmup.file=" + file;
    }

    @Override
    String expectedError() {
        return "config: warmup.file=" + file + " line 3: 'DELETE " + KIND.path("/api/items?id=2") + "' uses DELETE;";
    }

    @Override
    void cleanUp() throws Exception {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
