package io.warmgate.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reading whole streams on Java 8, which has no {@code InputStream.readAllBytes}. */
public final class Streams {

    private Streams() {
    }

    /** Everything {@code in} holds; closes it. Null for a null stream (a resource that is not there). */
    public static byte[] readAllAndClose(InputStream in) throws IOException {
        if (in == null) {
            return null;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
            return bytes.toByteArray();
        } finally {
            in.close();
        }
    }
}
