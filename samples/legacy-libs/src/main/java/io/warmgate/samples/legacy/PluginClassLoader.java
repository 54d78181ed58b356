package io.warmgate.samples.legacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

/**
 * Loads the plugin package itself (child first), as application servers and plugin systems load each
 * deployment in a loader of its own; everything else comes from the application, as far as the
 * {@link Isolation} allows.
 */
final class PluginClassLoader extends ClassLoader {

    static final String PLUGIN_PACKAGE = "io.warmgate.samples.legacy.plugin.";

    /** How much of the world the plugin's loader shows. */
    enum Isolation {
        /** Everything the application sees, plugin class files included. */
        NONE,
        /**
         * Like loaders that define classes from bytes they keep to themselves (decrypted, generated or downloaded
         * code): {@link #getResource} finds none of the plugin's class files, so a tool that reads class files
         * through the loader cannot see the plugin's classes.
         */
        HIDDEN_CLASS_FILES,
        /**
         * Like an OSGi bundle without boot delegation: only the packages the plugin imports (the JDK's, the
         * servlet API, the sample's own) are found; any other class, even one on the boot class path, is not.
         */
        IMPORTS_ONLY
    }

    private static final String[] IMPORTED_PACKAGES = {
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.warmgate.samples.",
    };

    static {
        registerAsParallelCapable();
    }

    private final int generation;
    private final Isolation isolation;

    PluginClassLoader(ClassLoader application, int generation, Isolation isolation) {
        super(application);
        this.generation = generation;
        this.isolation = isolation;
    }

    /** Which deployment of the plugin this loader holds (1, 2, ...). */
    public int generation() {
        return generation;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PLUGIN_PACKAGE)) {
            if (!imports(name)) {
                throw new ClassNotFoundException(name + " is not imported by the plugin");
            }
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!name.startsWith(PLUGIN_PACKAGE)) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes = classFile(getParent(), name);
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** Defines a class from the given bytes, for a plugin whose class files were prepared elsewhere. */
    Class<?> define(String name, byte[] classFile) {
        return defineClass(name, classFile, 0, classFile.length);
    }

    @Override
    public URL getResource(String name) {
        if (isolation == Isolation.HIDDEN_CLASS_FILES && name.startsWith(PLUGIN_PACKAGE.replace('.', '/'))) {
            return null;
        }
        if (!name.startsWith(PLUGIN_PACKAGE.replace('.', '/')) && !imports(name.replace('/', '.'))) {
            return null;
        }
        return super.getResource(name);
    }

    private boolean imports(String className) {
        if (isolation != Isolation.IMPORTS_ONLY) {
            return true;
        }
        for (String imported : IMPORTED_PACKAGES) {
            if (className.startsWith(imported)) {
                return true;
            }
        }
        return false;
    }

    /** The class file of {@code className} as {@code loader} has it. */
    static byte[] classFile(ClassLoader loader, String className) throws ClassNotFoundException {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(className);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new ClassNotFoundException(className, e);
        }
    }

    @Override
    public String toString() {
        switch (isolation) {
            case HIDDEN_CLASS_FILES:
                return "PluginClassLoader[generation " + generation + ", class files hidden]";
            case IMPORTS_ONLY:
                return "PluginClassLoader[generation " + generation + ", imports only]";
            default:
                return "PluginClassLoader[generation " + generation + "]";
        }
    }
}
