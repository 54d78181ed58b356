package io.warmgate.agent;

import io.warmgate.agent.hook.ClassOutlineReader;
import io.warmgate.agent.hook.EntryHookRewriter;
import io.warmgate.agent.hook.SuperTypes;
import io.warmgate.agent.spi.ClassOutline;
import io.warmgate.agent.spi.EntryHook;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.agent.spi.GuardedMethod;
import io.warmgate.agent.spi.MethodGuard;
import io.warmgate.agent.spi.OutlineDetection;
import io.warmgate.agent.spi.OutlineWeaver;
import io.warmgate.agent.spi.TypeOutlines;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.Streams;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The weaving that needs no Byte Buddy, for the modules a class passed the screens of: their {@link EntryHook}s
 * (servlet and filter entries, Jersey's containers), their method guards and detections, which read the class's
 * outline ({@link OutlineWeaver}: JAX-RS resources, Spring controllers). All of it with ASM alone, which costs a
 * few dozen classes where Byte Buddy costs several hundred. A hooked class must declare the hooked method
 * (concrete) and have the hook's super type. Only at a class's first load: a class already loaded cannot gain the
 * hooks' methods, so after a late attach those loaded before it stay as they are.
 *
 * <p>Never throws: a class it cannot weave runs unchanged, with one warning ({@link WeaveFailures}).
 */
final class EntryHookWeaver {

    private final AgentLog log;
    private final HandlerLog handlers;
    private final WeaverContext context;
    private final RuntimeStart runtime;
    /** Hooks class files from the agent jar, read once each. */
    private final Map<String, byte[]> hooksClassFiles = new ConcurrentHashMap<String, byte[]>();
    /** Each module's outline weaver, built at the first class that needs it. */
    private final Map<FrameworkModule, OutlineWeaver> outlineWeavers =
            new ConcurrentHashMap<FrameworkModule, OutlineWeaver>();

    /** @param runtime the gate's start: nothing is woven before the gate is in the bridge, or if it failed */
    EntryHookWeaver(AgentLog log, HandlerLog handlers, WeaverContext context, RuntimeStart runtime) {
        this.log = log;
        this.handlers = handlers;
        this.context = context;
        this.runtime = runtime;
    }

    /** The candidates whose module has entry hooks or an outline weaver. */
    static List<ScreenIndex.Entry> hooked(List<ScreenIndex.Entry> candidates) {
        List<ScreenIndex.Entry> hooked = new ArrayList<ScreenIndex.Entry>(candidates.size());
        for (ScreenIndex.Entry entry : candidates) {
            if (!entry.module.entryHooks().isEmpty() || entry.module.outlineWeaverClassName() != null) {
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
            List<FrameworkModule> modules = ScreenIndex.modulesOf(candidates);
            Map<String, EntryHookRewriter.Hook> methods = hookedMethods(loader, internalName, classFile, modules);
            Map<String, EntryHookRewriter.Guard> guards = outlineWork(loader, classFile, modules);
            if (methods.isEmpty() && guards.isEmpty()) {
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
            byte[] woven = EntryHookRewriter.rewrite(classFile, methods, guards);
            for (EntryHookRewriter.Hook hook : methods.values()) {
                log.debug("instrumented " + name + " (" + hook.entryHook().label() + ")");
            }
            for (String method : guards.keySet()) {
                log.debug("instrumented " + name + " (guard on " + method + ")");
            }
            return woven;
        } catch (Throwable failure) {
            WeaveFailures.report(log, name, failure);
            return null;
        }
    }

    /** The entry-hooked methods the class declares, keyed by name and descriptor. */
    private Map<String, EntryHookRewriter.Hook> hookedMethods(ClassLoader loader, String internalName,
                                                             byte[] classFile, List<FrameworkModule> modules)
            throws IOException {
        List<EntryHookRewriter.Hook> hooks = new ArrayList<EntryHookRewriter.Hook>();
        for (FrameworkModule module : modules) {
            for (EntryHook hook : module.entryHooks()) {
                hooks.add(new EntryHookRewriter.Hook(hook, hooksClassFile(hook.hooksClassName())));
            }
        }
        if (hooks.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, EntryHookRewriter.Hook> methods = EntryHookRewriter.hookedMethods(classFile, hooks);
        // Only the few classes that declare a hooked method pay for reading their ancestors.
        for (Iterator<EntryHookRewriter.Hook> it = methods.values().iterator(); it.hasNext(); ) {
            EntryHook hook = it.next().entryHook();
            String wanted = hook.superType().replace('.', '/');
            boolean applies = hook.isExactType() ? wanted.equals(internalName)
                    : SuperTypes.has(classFile, loader, wanted);
            if (!applies) {
                it.remove();
            }
        }
        return methods;
    }

    /**
     * Reads the class's outline once for the modules with an outline weaver, reports what their detections and
     * guards find, and returns the guards to weave, keyed by method name and descriptor.
     */
    private Map<String, EntryHookRewriter.Guard> outlineWork(ClassLoader loader, byte[] classFile,
                                                            List<FrameworkModule> modules) throws Exception {
        Map<String, EntryHookRewriter.Guard> guards = new LinkedHashMap<String, EntryHookRewriter.Guard>();
        ClassOutline outline = null;
        TypeOutlines types = null;
        for (FrameworkModule module : modules) {
            OutlineWeaver weaver = outlineWeaver(module);
            if (weaver == null) {
                continue;
            }
            if (outline == null) {
                outline = ClassOutlineReader.read(classFile);
                types = ClassOutlineReader.through(loader);
            }
            report(outline, types, weaver.detections());
            for (MethodGuard guard : weaver.guards()) {
                for (GuardedMethod method : guard.select(outline, types)) {
                    handlers.found(method.handler(), method.path(), null);
                    guards.put(method.methodName() + method.descriptor(), new EntryHookRewriter.Guard(
                            guard.hooksClassName(), hooksClassFile(guard.hooksClassName()), method.handler()));
                }
            }
        }
        return guards;
    }

    private void report(ClassOutline outline, TypeOutlines types, List<OutlineDetection> detections) {
        for (OutlineDetection detection : detections) {
            try {
                for (FoundHandler handler : detection.find(outline, types)) {
                    handlers.found(handler.handler(), handler.path(), handler.note());
                }
            } catch (Throwable failure) {
                // Detection is only the log line; the request path still decides gating.
                handlers.inspectionFailed(outline.name(), failure);
            }
        }
    }

    private OutlineWeaver outlineWeaver(FrameworkModule module) throws ReflectiveOperationException {
        String className = module.outlineWeaverClassName();
        if (className == null) {
            return null;
        }
        OutlineWeaver weaver = outlineWeavers.get(module);
        if (weaver == null) {
            weaver = (OutlineWeaver) Class.forName(className, true, EntryHookWeaver.class.getClassLoader())
                    .getConstructor(WeaverContext.class).newInstance(context);
            outlineWeavers.put(module, weaver);
        }
        return weaver;
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
