package io.warmgate.agent;

import io.warmgate.core.Streams;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The agent's own jar, read directly while the agent starts: the bridge class files and the list of framework
 * modules come from it. Going through the class loader's resources instead would build a {@code jar:} URL and a
 * {@code JarURLConnection} per entry, and load and initialise the few dozen JDK classes behind them, all before
 * the application's {@code main}. The JVM has the jar open already (the agent's classes load from it), so opening
 * it again shares that and costs little. When the agent does not run from a jar (unit tests run it from a folder
 * of classes), entries are read through the class loader.
 *
 * <p>JDK types only, like everything that runs before the application's {@code main}.
 */
final class AgentJarFile {

    /** Null when the agent does not run from a jar, or its jar could not be opened. */
    private final JarFile jar;

    private AgentJarFile(JarFile jar) {
        this.jar = jar;
    }

    /** Opens the jar this class was loaded from; never throws. */
    static AgentJarFile open() {
        try {
            CodeSource source = AgentJarFile.class.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location != null && "file".equals(location.getProtocol())) {
                File file = new File(location.toURI());
                if (file.isFile()) {
                    return new AgentJarFile(new JarFile(file, false));
                }
            }
        } catch (Exception unreadable) {
            // read through the class loader instead
        }
        return new AgentJarFile(null);
    }

    /** The bytes of one entry; null when there is no such entry. */
    byte[] read(String entryName) throws IOException {
        InputStream in;
        if (jar != null) {
            ZipEntry entry = jar.getEntry(entryName);
            in = entry == null ? null : jar.getInputStream(entry);
        } else {
            in = AgentJarFile.class.getClassLoader().getResourceAsStream(entryName);
        }
        return Streams.readAllAndClose(in);
    }

    /** Closes this view of the jar; the class loader keeps its own open. Never throws. */
    void close() {
        if (jar != null) {
            try {
                jar.close();
            } catch (IOException ignored) {
                // nothing was written; nothing is lost
            }
        }
    }
}
