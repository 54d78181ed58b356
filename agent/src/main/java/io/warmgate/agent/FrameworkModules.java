package io.warmgate.agent;

import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.config.WarmgateConfig;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the framework modules listed in the agent jar
 * ({@code META-INF/services/io.warmgate.agent.spi.FrameworkModule}, one class name per line, {@code #} comments
 * allowed: the {@code ServiceLoader} format) and keeps those that the
 * configuration leaves on ({@code <name>.enabled}). Adding a framework means adding its package and one line to
 * that file; nothing here changes.
 *
 * <p>The file is read from the agent's own jar and each class instantiated directly, not through
 * {@code ServiceLoader}: that would also search the application's jars and load a few dozen JDK classes of its
 * own before the application's {@code main}.
 */
final class FrameworkModules {

    private static final Charset UTF_8 = Charset.forName("UTF-8");
    static final String SERVICES_FILE = "META-INF/services/io.warmgate.agent.spi.FrameworkModule";

    private FrameworkModules() {
    }

    /** Every module in the agent jar. A module that cannot be loaded is skipped with one line on stderr. */
    static List<FrameworkModule> discover(AgentJarFile agentJar) {
        List<FrameworkModule> modules = new ArrayList<FrameworkModule>();
        byte[] list;
        try {
            list = agentJar.read(SERVICES_FILE);
        } catch (IOException unreadable) {
            list = null;
        }
        if (list == null) {
            // Before the configuration is read, so not through the agent's log.
            System.err.println("[warmgate] WARN the agent jar's list of framework modules (" + SERVICES_FILE
                    + ") could not be read; no framework is gated");
            return modules;
        }
        for (String className : classNames(new String(list, UTF_8))) {
            try {
                Class<?> type = Class.forName(className, true, FrameworkModules.class.getClassLoader());
                modules.add((FrameworkModule) type.getConstructor().newInstance());
            } catch (Throwable broken) {
                System.err.println("[warmgate] WARN a framework module could not be loaded (" + className + ": "
                        + broken + "); its framework is not gated");
            }
        }
        return modules;
    }

    /** The class names of a services file: one per line, without {@code #} comments and blanks. */
    static List<String> classNames(String servicesFile) {
        List<String> names = new ArrayList<String>();
        int start = 0;
        while (start < servicesFile.length()) {
            int end = servicesFile.indexOf('\n', start);
            if (end < 0) {
                end = servicesFile.length();
            }
            String line = servicesFile.substring(start, end);
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (!name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
            start = end + 1;
        }
        return names;
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
