package io.warmgate.agent.hook;

import io.warmgate.core.Streams;

import java.io.IOException;

/** Class files read as resources of a class loader: the way to learn about a class without loading it. */
final class ClassFiles {

    private ClassFiles() {
    }

    /**
     * @param loader       the loader to ask (null: the boot loader, asked through the system loader)
     * @param internalName e.g. {@code jakarta/servlet/Servlet}
     * @return the class file, or null when the loader does not show it
     */
    static byte[] read(ClassLoader loader, String internalName) {
        ClassLoader source = loader != null ? loader : ClassLoader.getSystemClassLoader();
        try {
            return Streams.readAllAndClose(source.getResourceAsStream(internalName + ".class"));
        } catch (IOException unreadable) {
            return null;
        }
    }
}
