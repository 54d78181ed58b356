package io.warmgate.agent;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge classes on the boot class path. Advice is inlined into classes of arbitrary class loaders
 * (a web application's, Spring Boot's nested-jar loader, an OSGi bundle's) that may not delegate to the system
 * class loader where the agent jar lives, but every loader can see the boot class path.
 *
 * <p>Only the two small bridge classes go there, written to a temporary jar: nothing of Byte Buddy, Guava or
 * the agent's core leaks into the boot loader.
 */
final class BootstrapBridgeInjector {

    /** Class names, not class literals: referencing the classes here would load them from the agent jar. */
    static final String[] BRIDGE_CLASSES = {
        "io.warmgate.bridge.GateBridge",
        "io.warmgate.bridge.HealthGatekeeper",
        "io.warmgate.bridge.CapturedRequest",
        "io.warmgate.bridge.HealthRequest",
        "io.warmgate.bridge.Denial",
    };

    private BootstrapBridgeInjector() {
    }

    static void inject(Instrumentation instrumentation) throws IOException {
        if (isOnBootClassPath(BRIDGE_CLASSES[0])) {
            return; // attached twice: the first attach already did it
        }
        File jar = File.createTempFile("warmgate-bridge-", ".jar");
        jar.deleteOnExit();
        JarOutputStream out = new JarOutputStream(new FileOutputStream(jar));
        try {
            for (String className : BRIDGE_CLASSES) {
                String entry = className.replace('.', '/') + ".class";
                out.putNextEntry(new ZipEntry(entry));
                out.write(readResource(entry));
                out.closeEntry();
            }
        } finally {
            out.close();
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
    }

    private static boolean isOnBootClassPath(String className) {
        try {
            Class.forName(className, false, null);
            return true;
        } catch (ClassNotFoundException notThere) {
            return false;
        }
    }

    private static byte[] readResource(String entry) throws IOException {
        InputStream in = BootstrapBridgeInjector.class.getClassLoader().getResourceAsStream(entry);
        if (in == null) {
            throw new IOException("agent jar lacks " + entry);
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
            return bytes.toByteArray();
        } finally {
            in.close();
        }
    }
}
