package io.warmgate.agent;

import io.warmgate.bridge.GateBridge;
import io.warmgate.core.AgentLog;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the agent asks of a class loader before it looks at any of its classes, with the answers cached per
 * loader (held weakly, so loaders can still be collected):
 * <ul>
 *   <li>whether to look at all: never the boot and platform loaders (framework APIs do not live there) or the
 *       JVM's reflection loaders;</li>
 *   <li>whether it sees a framework's marker class, found as a resource so that nothing is loaded;</li>
 *   <li>whether its classes can link to the bridge.</li>
 * </ul>
 * JDK types only: this class works at start-up, before Byte Buddy is ever needed.
 */
final class LoaderChecks {

    /** The platform loader (Java 9+) or the extension loader (Java 8): the system loader's parent either way. */
    private static final ClassLoader PLATFORM = platformLoader();

    private final AgentLog log;
    private final Map<ClassLoader, Map<String, Boolean>> markers = new WeakHashMap<ClassLoader, Map<String, Boolean>>();
    private final Map<ClassLoader, Boolean> bridge = new WeakHashMap<ClassLoader, Boolean>();
    private final Map<ClassLoader, Boolean> anyMarker = new WeakHashMap<ClassLoader, Boolean>();

    LoaderChecks(AgentLog log) {
        this.log = log;
    }

    /** False for loaders whose classes are never health handlers, decided without any lookup. */
    static boolean mayHoldHandlers(ClassLoader loader) {
        if (loader == null || loader == PLATFORM) {
            return false;
        }
        String type = loader.getClass().getName();
        return !type.equals("jdk.internal.reflect.DelegatingClassLoader")
                && !type.equals("sun.reflect.DelegatingClassLoader");
    }

    /** True when {@code loader} sees {@code className}, looked up as a resource once per loader and class. */
    boolean sees(ClassLoader loader, String className) {
        Map<String, Boolean> answers;
        synchronized (markers) {
            answers = markers.get(loader);
            if (answers == null) {
                answers = new ConcurrentHashMap<String, Boolean>();
                markers.put(loader, answers);
            }
        }
        Boolean known = answers.get(className);
        if (known == null) {
            known = loader.getResource(className.replace('.', '/') + ".class") != null;
            answers.put(className, known);
        }
        return known;
    }

    /** True when {@code loader} sees at least one of {@code markerClasses}; the answer is cached per loader. */
    boolean seesAnyOf(ClassLoader loader, List<String> markerClasses) {
        synchronized (anyMarker) {
            Boolean known = anyMarker.get(loader);
            if (known != null) {
                return known;
            }
        }
        boolean seen = false;
        for (String marker : markerClasses) {
            if (sees(loader, marker)) {
                seen = true;
                break;
            }
        }
        synchronized (anyMarker) {
            anyMarker.put(loader, seen);
        }
        return seen;
    }

    /**
     * True when classes of {@code loader} can link to the bridge: loading {@code io.warmgate.bridge.GateBridge}
     * through it yields the very class the agent put in the boot loader.
     *
     * <p>Inlined advice names the bridge class, and the JVM resolves that name through the class loader of the
     * instrumented class. Most loaders delegate to the boot loader, but OSGi bundles (without boot delegation for
     * the package), JBoss Modules (without it in the system packages) and some plugin systems do not, and a
     * child-first loader may find a copy of the agent jar on the application's class path first. Advice in such a
     * loader's classes could never reach the gate, and the failure could not even be reported. So those classes
     * are left untouched, with one warning per kind of loader.
     *
     * <p>Only certain answers are cached. A lookup that fails with a {@link LinkageError} (a
     * {@code ClassCircularityError} while classes load in parallel, say) may succeed later: that class is left
     * alone, and the loader is asked again for the next one.
     */
    boolean linksToBridge(ClassLoader loader) {
        synchronized (bridge) {
            Boolean known = bridge.get(loader);
            if (known != null) {
                return known;
            }
        }
        String loaderType = loader.getClass().getName();
        String problem;
        try {
            Class<?> seen = Class.forName(GateBridge.class.getName(), false, loader);
            if (seen == GateBridge.class) {
                remember(loader, true);
                return true;
            }
            problem = "they see another copy of " + GateBridge.class.getName() + " (is warmgate-agent.jar also on the "
                    + "application's class path?)";
        } catch (ClassNotFoundException | NoClassDefFoundError notVisible) {
            // The package by name: a class defined straight into the boot loader has no Package object.
            problem = "their class loader does not delegate io.warmgate.bridge to the boot loader (for OSGi add it "
                    + "to org.osgi.framework.bootdelegation, for JBoss Modules to jboss.modules.system.pkgs)";
        } catch (LinkageError transientFailure) {
            log.warnOnce("bridge-retry:" + loaderType, "could not tell whether classes of " + loaderType + " see "
                    + "the warmgate bridge (" + transientFailure + "); a class of it was left unchanged, and the "
                    + "next one will be checked again");
            return false;
        } catch (RuntimeException failure) {
            problem = "their class loader failed to look up " + GateBridge.class.getName() + " (" + failure + ")";
        }
        remember(loader, false);
        log.warnOnce("bridge-invisible:" + loaderType, "could not instrument classes of " + loaderType + ": "
                + problem + "; health endpoints served by them run unchanged, without the gate");
        return false;
    }

    private void remember(ClassLoader loader, boolean answer) {
        synchronized (bridge) {
            bridge.put(loader, answer);
        }
    }

    private static ClassLoader platformLoader() {
        try {
            return ClassLoader.getSystemClassLoader().getParent();
        } catch (SecurityException denied) {
            return null;
        }
    }
}
