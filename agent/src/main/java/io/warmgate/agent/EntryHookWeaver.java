package io.warmgate.agent;

import io.warmgate.agent.hook.EntryHookRewriter;
import io.warmgate.agent.hook.SuperTypes;
import io.warmgate.agent.spi.EntryHook;
import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.core.AgentLog;
import io.warmgate.core.Streams;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Weaves the {@link EntryHook}s of the modules a class passed the screens of, with ASM alone: the servlet and
 * filter entries, which load early in nearly every Java web service, cost no Byte Buddy. A class must declare the
 * hooked method (concrete) and have the hook's super type. Only at a class's first load: a class already loaded
 * cannot gain the hooks' methods, so after a late attach those loaded before it stay as they are.
 *
 * <p>Never throws: a class it cannot weave runs unchanged, with one warning ({@link WeaveFailures}).
 */
final class EntryHookWeaver {

    private final AgentLog log;
    private final RuntimeStart runtime;
    /** Hooks class files from the agent jar, read once each. */
    private final Map<String, byte[]> hooksClassFiles = new ConcurrentHashMap<String, byte[]>();

    /** @param runtime the gate's start: nothing is woven before the gate is in the bridge, or if it failed */
    EntryHookWeaver(AgentLog log, RuntimeStart runtime) {
        this.log = log;
        this.runtime = runtime;
    }

    /** The candidates whose module has entry hooks. */
    static List<ScreenIndex.Entry> hooked(List<ScreenIndex.Entry> candidates) {
        List<ScreenIndex.Entry> hooked = new ArrayList<ScreenIndex.Entry>(candidates.size());
        for (ScreenIndex.Entry entry : candidates) {
            if (!entry.module.entryHooks().isEmpty()) {
                hooked.add(entry);
            }
        }
        return hooked;
    }

    /** @return the woven class file, or null to leave the class as it is */
    byte[] weave(ClassLoader loader, String internalName, byte[] classFile, List<ScreenIndex.Entry> candidates,
                 boolean alreadyLoaded) {
        String name = internalName.replace('/', '.');
        try {
            List<EntryHookRewriter.Hook> hooks = new ArrayList<EntryHookRewriter.Hook>();
            for (FrameworkModule module : ScreenIndex.modulesOf(candidates)) {
                for (EntryHook hook : module.entryHooks()) {
                    hooks.add(new EntryHookRewriter.Hook(hook, hooksClassFile(hook.hooksClassName())));
                }
            }
            Map<String, EntryHookRewriter.Hook> methods = EntryHookRewriter.hookedMethods(classFile, hooks);
            // Only the few classes that declare a hooked method pay for reading their ancestors.
            for (Iterator<EntryHookRewriter.Hook> it = methods.values().iterator(); it.hasNext(); ) {
                EntryHookRewriter.Hook hook = it.next();
                if (!SuperTypes.has(classFile, loader, hook.entryHook().superType().replace('.', '/'))) {
                    it.remove();
                }
            }
            if (methods.isEmpty()) {
                return null;
            }
            if (alreadyLoaded) {
                log.debug("left " + name + " unchanged: it was loaded before the agent, and a loaded class cannot "
                        + "gain the hooks");
                return null;
            }
            // Only a class that will be woven waits for the gate (a class that merely calls service(...) does not).
            if (!runtime.awaitReady()) {
                return null; // the gate could not be built (said so already), or not in time: weave nothing
            }
            byte[] woven = EntryHookRewriter.rewrite(classFile, methods);
            for (EntryHookRewriter.Hook hook : methods.values()) {
                log.debug("instrumented " + name + " (" + hook.entryHook().label() + ")");
            }
            return woven;
        } catch (Throwable failure) {
            WeaveFailures.report(log, name, failure);
            return null;
        }
    }

    private byte[] hooksClassFile(String className) throws IOException {
        byte[] classFile = hooksClassFiles.get(className);
        if (classFile == null) {
            classFile = Streams.readAllAndClose(EntryHookWeaver.class.getClassLoader()
                    .getResourceAsStream(className.replace('.', '/') + ".class"));
            if (classFile == null) {
                throw new IOException("the agent jar has no " + className);
            }
            hooksClassFiles.put(className, classFile);
        }
        return classFile;
    }
}
