package io.warmgate.agent.hook;

import io.warmgate.agent.spi.EntryHook;
import io.warmgate.core.Streams;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the ASM weaving path once, on a class of the agent's own, so that its few dozen classes are loaded and
 * initialised on the agent's start thread while the application's {@code main} starts, not on the thread that loads
 * the application's first servlet. The woven result is thrown away; nothing is defined.
 */
public final class WeavingWarmUp {

    private static final String SELF = "io.warmgate.agent.hook.WeavingWarmUp";
    private static final String HOOKS = "io.warmgate.agent.hook.WeavingWarmUp$Hooks";

    private WeavingWarmUp() {
    }

    /** Stands for a request entry: hooked, never called. */
    void serve(Object request, Object response) {
        if (request == response) {
            throw new IllegalStateException();
        }
    }

    /** Stands for a handler method: guarded, never called. */
    String check() {
        return String.valueOf(this);
    }

    /** Weaves this class with an entry hook and a guard, and reads its outline. */
    public static void run() throws IOException {
        ClassLoader loader = WeavingWarmUp.class.getClassLoader();
        byte[] target = read(loader, SELF);
        byte[] hooks = read(loader, HOOKS);
        EntryHook hook = new EntryHook("warm-up", "java.lang.Object", "serve",
                "(Ljava/lang/Object;Ljava/lang/Object;)V", HOOKS);
        Map<String, EntryHookRewriter.Hook> hooked = EntryHookRewriter.hookedMethods(target,
                Collections.singletonList(new EntryHookRewriter.Hook(hook, hooks)));
        Map<String, EntryHookRewriter.Guard> guarded = new HashMap<String, EntryHookRewriter.Guard>();
        guarded.put("check()Ljava/lang/String;", new EntryHookRewriter.Guard(HOOKS, hooks, "warm-up"));
        EntryHookRewriter.rewrite(target, hooked, guarded);
        ClassOutlineReader.read(target);
        SuperTypes.has(target, loader, "java/lang/Runnable");
    }

    private static byte[] read(ClassLoader loader, String className) throws IOException {
        byte[] classFile = Streams.readAllAndClose(loader.getResourceAsStream(className.replace('.', '/') + ".class"));
        if (classFile == null) {
            throw new IOException("the agent jar has no " + className);
        }
        return classFile;
    }

    /** Hooks shaped like the modules' (see {@link EntryHook} and {@link io.warmgate.agent.spi.MethodGuard}). */
    static final class Hooks {

        private Hooks() {
        }

        static long enter(Object self, Object request, Object response) {
            return request == response ? EntryHook.SKIP : System.nanoTime();
        }

        static void exit(Throwable thrown, Object self, Object request, Object response, long state) {
            if (thrown != null && state == 0L) {
                throw new IllegalStateException(thrown);
            }
        }

        static Throwable enter(Object self, String handler) {
            return handler == null ? new IllegalStateException() : null;
        }
    }
}
