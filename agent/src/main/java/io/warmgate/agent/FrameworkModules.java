package io.warmgate.agent;

import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.config.WarmgateConfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the framework modules in the agent jar ({@code META-INF/services/io.warmgate.agent.spi.FrameworkModule})
 * and keeps those that the configuration leaves on ({@code <name>.enabled}). Adding a framework means adding its
 * package and one line to that file; nothing here changes.
 */
final class FrameworkModules {

    private FrameworkModules() {
    }

    /** Every module in the agent jar. A module that cannot be loaded is skipped with one line on stderr. */
    static List<FrameworkModule> discover() {
        List<FrameworkModule> modules = new ArrayList<FrameworkModule>();
        Iterator<FrameworkModule> found =
                ServiceLoader.load(FrameworkModule.class, FrameworkModules.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!found.hasNext()) {
                    return modules;
                }
                modules.add(found.next());
            } catch (ServiceConfigurationError broken) {
                // Before the configuration is read, so not through the agent's log; the other modules still work.
                System.err.println("[warmgate] WARN a framework module could not be loaded (" + broken.getMessage()
                        + "); its framework is not gated");
            }
        }
    }

    static List<String> names(List<FrameworkModule> modules) {
        List<String> names = new ArrayList<String>();
        for (FrameworkModule module : modules) {
            names.add(module.name());
        }
        return names;
    }

    static List<FrameworkModule> enabled(List<FrameworkModule> modules, WarmgateConfig config) {
        List<FrameworkModule> enabled = new ArrayList<FrameworkModule>();
        for (FrameworkModule module : modules) {
            if (config.frameworkEnabled(module.name())) {
                enabled.add(module);
            }
        }
        return enabled;
    }
}
