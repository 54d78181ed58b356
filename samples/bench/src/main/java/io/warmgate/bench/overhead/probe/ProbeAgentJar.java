package io.warmgate.bench.overhead.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes a one-class agent jar for a probe agent of this package, taken from the bench's own classes, with the
 * {@code Premain-Class} manifest entry the JVM needs. Built at run time so that the probes always match the JDK
 * the bench (and so the samples) run on, and nothing else of the bench comes along.
 */
public final class ProbeAgentJar {

    private ProbeAgentJar() {
    }

    /** Writes {@code directory/<fileName>} holding {@code agentClass} only, and returns its path. */
    public static Path write(Class<?> agentClass, Path directory, String fileName) throws IOException {
        String entryName = agentClass.getName().replace('.', '/') + ".class";
        byte[] classFile;
        try (InputStream in = agentClass.getClassLoader().getResourceAsStream(entryName)) {
            if (in == null) {
                throw new IOException("the bench jar lacks " + entryName);
            }
            classFile = in.readAllBytes();
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), agentClass.getName());
        Files.createDirectories(directory);
        Path jar = directory.resolve(fileName);
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entryName));
            out.write(classFile);
            out.closeEntry();
        }
        return jar;
    }
}
