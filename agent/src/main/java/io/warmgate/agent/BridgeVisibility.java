package io.warmgate.agent;

import io.warmgate.bridge.GateBridge;
import io.warmgate.core.AgentLog;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Matches class loaders whose classes can link to the bridge: loading {@code io.warmgate.bridge.GateBridge}
 * through them yields the very class the agent put on the boot class path.
 *
 * <p>Inlined advice names the bridge class, and the JVM resolves that name through the class loader of the
 * instrumented class. Most loaders delegate to the boot class path, but OSGi bundles (without boot delegation
 * for the package), JBoss Modules (without it in the system packages) and some plugin systems do not, and a
 * child-first loader may find a copy of the agent jar on the application's class path first. Advice in such a
 * loader's classes could never reach the gate: the request would pass ungated and the failure could not even
 * be reported. So those classes are left untouched, and one warning per kind of loader says why and what to do.
 *
 * <p>Answers are cached per loader, held weakly so that the loader can still be garbage-collected.
 */
final class BridgeVisibility extends ElementMatcher.Junction.AbstractBase<ClassLoader> {

    private final AgentLog log;
    private final Map<ClassLoader, Boolean> answers = Collections.synchronizedMap(new WeakHashMap<ClassLoader, Boolean>());

    BridgeVisibility(AgentLog log) {
        this.log = log;
    }

    @Override
    public boolean matches(ClassLoader loader) {
        if (loader == null) {
            return true; // the boot loader: where the bridge itself lives
        }
        Boolean known = answers.get(loader);
        if (known == null) {
            known = linksToOurBridge(loader);
            answers.put(loader, known);
        }
        return known;
    }

    private boolean linksToOurBridge(ClassLoader loader) {
        String problem;
        try {
            Class<?> seen = Class.forName(GateBridge.class.getName(), false, loader);
            if (seen == GateBridge.class) {
                return true;
            }
            problem = "they see another copy of " + GateBridge.class.getName() + " (is warmgate-agent.jar also on the "
                    + "application's class path?)";
        } catch (ClassNotFoundException | LinkageError notVisible) {
            problem = "their class loader does not delegate " + GateBridge.class.getPackage().getName()
                    + " to the boot class path (for OSGi add it to org.osgi.framework.bootdelegation, for JBoss "
                    + "Modules to jboss.modules.system.pkgs)";
        } catch (RuntimeException failure) {
            problem = "their class loader failed to look up " + GateBridge.class.getName() + " (" + failure + ")";
        }
        String loaderType = loader.getClass().getName();
        log.warnOnce("bridge-invisible:" + loaderType, "could not instrument classes of " + loaderType + ": "
                + problem + "; health endpoints served by them run unchanged, without the gate");
        return false;
    }

    @Override
    public String toString() {
        return "sees the warmgate bridge";
    }
}
