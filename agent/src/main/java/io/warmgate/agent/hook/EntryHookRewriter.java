package io.warmgate.agent.hook;

import io.warmgate.agent.spi.EntryHook;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weaves {@link EntryHook}s into one class file with ASM alone: the hooked methods get calls to copies of the
 * hooks ({@link HookedMethod}), and the copies are added to the class ({@link HookCopier}). Two passes over the
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
        ClassReader reader = new ClassReader(classFile);
        Map<String, Integer> maxLocals = MethodLocals.read(reader, hooks.keySet());
        int major = reader.readUnsignedShort(6);
        boolean withFrames = major >= Opcodes.V1_6;
        ClassWriter writer = new ClassWriter(reader, 0);
        Weaving weaving = new Weaving(writer, hooks, maxLocals, withFrames);
        reader.accept(weaving, withFrames ? ClassReader.EXPAND_FRAMES : ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** The rewriting pass: hooked methods through {@link HookedMethod}, then the hooks' copies at the end. */
    private static final class Weaving extends ClassVisitor {

        private final Map<String, Hook> hooks;
        private final Map<String, Integer> maxLocals;
        private final boolean withFrames;
        private final List<Hook> used = new ArrayList<Hook>();
        private String owner;

        Weaving(ClassVisitor writer, Map<String, Hook> hooks, Map<String, Integer> maxLocals, boolean withFrames) {
            super(Opcodes.ASM9, writer);
            this.hooks = hooks;
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
            Hook hook = hooks.get(name + descriptor);
            Integer locals = maxLocals.get(name + descriptor);
            if (hook == null || locals == null) {
                return method;
            }
            if (!used.contains(hook)) {
                used.add(hook);
            }
            return new HookedMethod(method, owner, descriptor, new HookMethodNames(hook.hook), locals, withFrames);
        }

        @Override
        public void visitEnd() {
            for (Hook hook : used) {
                HookCopier.copy(hook.hooksClassFile, new HookMethodNames(hook.hook), cv, withFrames);
            }
            super.visitEnd();
        }
    }
}
