package io.warmgate.agent.hook;

import io.warmgate.agent.spi.EntryHook;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weaves {@link EntryHook}s and method guards into one class file with ASM alone: the hooked methods get calls to
 * copies of the hooks ({@link HookedMethod}), the guarded ones a guard call in front ({@link GuardCall}), and the
 * copies are added to the class ({@link HookCopier}). Two passes over the
 * class: one to learn each hooked method's local slots, one to rewrite. Nothing is computed from other classes
 * (no frames are recomputed, no common super class is looked up), so no class is loaded or read while one loads.
 *
 * <p>Only at a class's first load: a class already loaded cannot gain methods.
 */
public final class EntryHookRewriter {

    /** An entry hook with its hooks class file. */
    public static final class Hook {
        final EntryHook hook;
        final byte[] hooksClassFile;

        public Hook(EntryHook hook, byte[] hooksClassFile) {
            this.hook = hook;
            this.hooksClassFile = hooksClassFile;
        }

        public EntryHook entryHook() {
            return hook;
        }
    }

    /** A method guard's hook for one method: its hooks class file and the handler name it is called with. */
    public static final class Guard {
        final String hooksOwner;
        final byte[] hooksClassFile;
        final String handler;

        /**
         * @param hooksClassName binary name of the class declaring the guard's {@code enter}
         * @param handler        what {@code enter} is given, e.g. {@code jax-rs (jakarta) com.acme.Health#check}
         */
        public Guard(String hooksClassName, byte[] hooksClassFile, String handler) {
            this.hooksOwner = hooksClassName.replace('.', '/');
            this.hooksClassFile = hooksClassFile;
            this.handler = handler;
        }
    }

    private EntryHookRewriter() {
    }

    /**
     * The methods of {@code classFile} that {@code hooks} would rewrite: concrete, non-static, declared here, in a
     * class (not an interface). Keyed by name and descriptor.
     */
    public static Map<String, Hook> hookedMethods(byte[] classFile, List<Hook> hooks) {
        final Map<String, Hook> wanted = new HashMap<String, Hook>();
        for (Hook hook : hooks) {
            wanted.put(hook.hook.methodName() + hook.hook.methodDescriptor(), hook);
        }
        final Map<String, Hook> found = new LinkedHashMap<String, Hook>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            private boolean isInterface;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                Hook hook = wanted.get(name + descriptor);
                if (hook != null && !isInterface
                        && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC)) == 0) {
                    found.put(name + descriptor, hook);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }

    /**
     * @param hooks the hooks to weave, each into the methods {@link #hookedMethods} found for it
     * @return the woven class file
     * @throws IllegalStateException when a hooks class breaks the rules of {@link EntryHook}, or a method stores
     *                               into {@code this}'s slot or writes a parameter with a value of another kind
     */
    public static byte[] rewrite(byte[] classFile, Map<String, Hook> hooks) {
        return rewrite(classFile, hooks, Collections.<String, Guard>emptyMap());
    }

    /**
     * @param hooks  as for {@link #rewrite(byte[], Map)}
     * @param guards method guards, keyed by method name and descriptor: each such method gets its guard's call
     *               ({@link GuardCall}); a method the class does not declare concrete is left alone
     */
    public static byte[] rewrite(byte[] classFile, Map<String, Hook> hooks, Map<String, Guard> guards) {
        ClassReader reader = new ClassReader(classFile);
        Map<String, Integer> maxLocals = MethodLocals.read(reader, hooks.keySet());
        int major = reader.readUnsignedShort(6);
        boolean withFrames = major >= Opcodes.V1_6;
        ClassWriter writer = new ClassWriter(reader, 0);
        Weaving weaving = new Weaving(writer, hooks, guards, maxLocals, withFrames);
        reader.accept(weaving, withFrames ? ClassReader.EXPAND_FRAMES : ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** The rewriting pass: hooked methods through {@link HookedMethod}, then the hooks' copies at the end. */
    private static final class Weaving extends ClassVisitor {

        private final Map<String, Hook> hooks;
        private final Map<String, Guard> guards;
        private final Map<String, Integer> maxLocals;
        private final boolean withFrames;
        private final List<Hook> used = new ArrayList<Hook>();
        /** Guards' hooks classes by internal name: each copied once, however many methods it guards. */
        private final Map<String, byte[]> usedGuards = new LinkedHashMap<String, byte[]>();
        private String owner;

        Weaving(ClassVisitor writer, Map<String, Hook> hooks, Map<String, Guard> guards,
                Map<String, Integer> maxLocals, boolean withFrames) {
            super(Opcodes.ASM9, writer);
            this.hooks = hooks;
            this.guards = guards;
            this.maxLocals = maxLocals;
            this.withFrames = withFrames;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            owner = name;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
            if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC)) != 0) {
                return method;
            }
            Hook hook = hooks.get(name + descriptor);
            Integer locals = maxLocals.get(name + descriptor);
            if (hook != null && locals != null) {
                if (!used.contains(hook)) {
                    used.add(hook);
                }
                method = new HookedMethod(method, owner, descriptor, new HookMethodNames(hook.hook), locals,
                        withFrames);
            }
            Guard guard = guards.get(name + descriptor);
            if (guard != null) {
                usedGuards.put(guard.hooksOwner, guard.hooksClassFile);
                method = new GuardCall(method, owner, descriptor, GuardNames.copyName(guard.hooksOwner),
                        guard.handler, withFrames);
            }
            return method;
        }

        @Override
        public void visitEnd() {
            for (Hook hook : used) {
                HookMethodNames names = new HookMethodNames(hook.hook);
                HookCopier.copy(hook.hooksClassFile, names.hooksOwner, names.copies(), cv, withFrames);
            }
            for (Map.Entry<String, byte[]> guard : usedGuards.entrySet()) {
                HookCopier.copy(guard.getValue(), guard.getKey(), GuardNames.copies(guard.getKey()), cv,
                        withFrames);
            }
            super.visitEnd();
        }
    }
}
