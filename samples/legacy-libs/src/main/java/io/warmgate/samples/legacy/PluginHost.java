package io.warmgate.samples.legacy;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.servlet.Servlet;

/**
 * Deploys the plugin's health servlet in a {@link PluginClassLoader} and redeploys it on request, the way an
 * application server redeploys a web application. A redeployment drops every reference the application holds
 * to the old loader, so the old loader and its classes must become garbage; {@link #awaitReleased} checks
 * that they do. An agent that kept a strong reference to an instrumented class would show up here as a leak.
 */
final class PluginHost {

    static final String PLUGIN_SERVLET = PluginClassLoader.PLUGIN_PACKAGE + "PluginHealthServlet";
    /** Classes of the plugin as they would come from a build for a newer Java (see loadPluginBuiltForNewerJava). */
    private static final String[] NEWER_PLUGIN_CLASSES = {
        PluginClassLoader.PLUGIN_PACKAGE + "PluginBaseServlet",
        PLUGIN_SERVLET,
        PluginClassLoader.PLUGIN_PACKAGE + "PluginInfo",
    };
    /** A class-file major version no JVM or bytecode library knows yet (Java 55). */
    private static final int FUTURE_CLASS_FILE_VERSION = 99;

    private final PluginClassLoader.Isolation isolation;
    private final List<WeakReference<ClassLoader>> discarded = new ArrayList<>();
    private Servlet current;
    private int generation;

    PluginHost(PluginClassLoader.Isolation isolation) {
        this.isolation = isolation;
    }

    /** The deployed plugin servlet; the first call deploys generation 1. */
    synchronized Servlet current() {
        if (current == null) {
            current = deploy(++generation);
        }
        return current;
    }

    /** Discards the deployed plugin (if any) and deploys a fresh copy; returns the new generation. */
    synchronized int reload() {
        if (current != null) {
            discarded.add(new WeakReference<>(current.getClass().getClassLoader()));
            current.destroy();
            current = null;
        }
        current = deploy(++generation);
        return generation;
    }

    /**
     * Asks the JVM to collect garbage until every discarded plugin loader is gone or {@code timeout} passed, and
     * reports {@code discarded=N released=M}. Bounded: at most one collection every 100 ms until the timeout.
     */
    String awaitReleased(Duration timeout) {
        List<WeakReference<ClassLoader>> loaders;
        synchronized (this) {
            loaders = new ArrayList<>(discarded);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int released = countReleased(loaders);
        while (released < loaders.size() && System.nanoTime() < deadline) {
            System.gc();
            sleepBriefly();
            released = countReleased(loaders);
        }
        return "discarded=" + loaders.size() + " released=" + released + "\n";
    }

    /**
     * Tries to load the plugin as if it had been compiled for a newer Java than this JVM: its class files carry
     * a major version from the future. The JVM refuses them ({@code UnsupportedClassVersionError}), which the
     * application reports as its answer. Class file transformers (agents) see such bytes before the JVM checks
     * the version, so this is how an agent meets class files newer than it understands.
     */
    static String loadPluginBuiltForNewerJava() {
        PluginClassLoader loader = new PluginClassLoader(PluginHost.class.getClassLoader(), 0,
                PluginClassLoader.Isolation.NONE);
        StringBuilder report = new StringBuilder();
        for (String className : NEWER_PLUGIN_CLASSES) {
            report.append(className.substring(PluginClassLoader.PLUGIN_PACKAGE.length())).append(": ");
            try {
                byte[] classFile = PluginClassLoader.classFile(PluginHost.class.getClassLoader(), className);
                classFile[6] = (byte) (FUTURE_CLASS_FILE_VERSION >>> 8);
                classFile[7] = (byte) FUTURE_CLASS_FILE_VERSION;
                loader.define(className, classFile);
                report.append("loaded");
            } catch (UnsupportedClassVersionError expected) {
                report.append("refused by the JVM (").append(expected.getClass().getSimpleName()).append(')');
            } catch (ClassNotFoundException | RuntimeException | LinkageError other) {
                report.append("failed: ").append(other);
            }
            report.append('\n');
        }
        return report.toString();
    }

    private Servlet deploy(int newGeneration) {
        PluginClassLoader loader = new PluginClassLoader(PluginHost.class.getClassLoader(), newGeneration,
                isolation);
        try {
            return (Servlet) loader.loadClass(PLUGIN_SERVLET).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not deploy the plugin in " + loader, e);
        }
    }

    private static int countReleased(List<WeakReference<ClassLoader>> loaders) {
        int released = 0;
        for (WeakReference<ClassLoader> loader : loaders) {
            if (loader.get() == null) {
                released++;
            }
        }
        return released;
    }

    private static void sleepBriefly() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
