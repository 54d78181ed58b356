package io.warmgate.agent.testing;

import io.warmgate.agent.TestClassFiles;
import io.warmgate.agent.hook.ClassOutlineReader;
import io.warmgate.agent.hook.EntryHookRewriter;
import io.warmgate.agent.spi.EntryHook;
import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.agent.spi.GuardedMethod;
import io.warmgate.agent.spi.MethodGuard;
import io.warmgate.agent.spi.OutlineWeaver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixtures woven as the agent weaves without Byte Buddy ({@link EntryHookRewriter}: entry hooks and method
 * guards), with the hooks class files of the agent's build. Woven classes are defined in a loader of their own,
 * so the JVM verifies them as it would in an application.
 */
public final class AsmWoven {

    private AsmWoven() {
    }

    /** {@code type}'s class file with {@code hook} woven into the method it names. */
    public static byte[] entryHooked(Class<?> type, EntryHook hook) {
        byte[] classFile = TestClassFiles.of(type);
        Map<String, EntryHookRewriter.Hook> methods = EntryHookRewriter.hookedMethods(classFile,
                List.of(new EntryHookRewriter.Hook(hook, TestClassFiles.of(hook.hooksClassName()))));
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(type + " declares no " + hook.methodName() + hook.methodDescriptor());
        }
        return EntryHookRewriter.rewrite(classFile, methods);
    }

    /**
     * A copy of {@code fixture}, loaded in its own loader, with the entry hook of {@code module} labelled
     * {@code label} woven in as if the fixture were the class the hook names.
     */
    public static Class<?> entryHookedCopy(Class<?> fixture, FrameworkModule module, String label) {
        EntryHook hook = module.entryHooks().stream().filter(candidate -> candidate.label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no entry hook '" + label + "' in " + module));
        EntryHook onFixture = EntryHook.inClass(hook.label(), fixture.getName(), hook.methodName(),
                hook.methodDescriptor(), hook.hooksClassName());
        return define(fixture, entryHooked(fixture, onFixture));
    }

    /** A copy of {@code fixture}, loaded in its own loader, with the methods {@code weaver}'s guards select guarded. */
    public static Class<?> guardedCopy(Class<?> fixture, OutlineWeaver weaver) {
        byte[] classFile = TestClassFiles.of(fixture);
        Map<String, EntryHookRewriter.Guard> guards = new LinkedHashMap<>();
        for (MethodGuard guard : weaver.guards()) {
            for (GuardedMethod method : guard.select(ClassOutlineReader.read(classFile),
                    ClassOutlineReader.through(fixture.getClassLoader()))) {
                guards.put(method.methodName() + method.descriptor(), new EntryHookRewriter.Guard(
                        guard.hooksClassName(), TestClassFiles.of(guard.hooksClassName()), method.handler()));
            }
        }
        if (guards.isEmpty()) {
            throw new IllegalArgumentException(weaver + " guards nothing in " + fixture);
        }
        return define(fixture, EntryHookRewriter.rewrite(classFile, Collections.emptyMap(), guards));
    }

    /** Defines {@code classFile} as {@code fixture}'s name in a child loader; everything else comes from the parent. */
    private static Class<?> define(Class<?> fixture, byte[] classFile) {
        ClassLoader loader = new ClassLoader(fixture.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    if (!name.equals(fixture.getName())) {
                        return super.loadClass(name, resolve);
                    }
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : defineClass(name, classFile, 0, classFile.length);
                }
            }
        };
        try {
            return Class.forName(fixture.getName(), true, loader);
        } catch (ClassNotFoundException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
