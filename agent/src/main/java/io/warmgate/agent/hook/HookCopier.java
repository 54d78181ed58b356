package io.warmgate.agent.hook;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Copies an {@link io.warmgate.agent.spi.EntryHook}'s {@code enter} and {@code exit} into the class being woven,
 * as private static synthetic methods, each wrapped in a catch-all: whatever a hook throws (a bridge its loader
 * cannot link, a framework API older than the hook expects) is swallowed, and the woven method runs on as if the
 * agent were absent ({@code enter} then answers 0, "go on"). Debug information is not copied: the lines of the
 * hooks' source would mislead in the application's stack traces.
 */
final class HookCopier {

    private HookCopier() {
    }

    /**
     * @param hooksClassFile the hooks class, read from the agent jar
     * @param target         receives the two methods
     * @param withFrames     whether the woven class carries stack map frames (class file version 50 and later)
     * @throws IllegalStateException when the hooks class does not declare both hooks, or a hook refers to its own
     *                               class (which the woven class cannot see) or uses invokedynamic
     */
    static void copy(byte[] hooksClassFile, final HookMethodNames names, final ClassVisitor target,
                     boolean withFrames) {
        final int[] copied = new int[1];
        new ClassReader(hooksClassFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                boolean enter = HookMethodNames.ENTER.equals(name) && names.enterDescriptor.equals(descriptor);
                boolean exit = HookMethodNames.EXIT.equals(name) && names.exitDescriptor.equals(descriptor);
                if (!enter && !exit || (access & Opcodes.ACC_STATIC) == 0) {
                    return null;
                }
                copied[0]++;
                MethodVisitor copy = target.visitMethod(
                        Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                        enter ? names.enterCopy : names.exitCopy, descriptor, null, null);
                return new SwallowingCopy(copy, names.hooksOwner, descriptor, enter, withFrames);
            }
        }, ClassReader.SKIP_DEBUG | (withFrames ? ClassReader.EXPAND_FRAMES : ClassReader.SKIP_FRAMES));
        if (copied[0] != 2) {
            throw new IllegalStateException(names.hooksOwner + " does not declare static " + HookMethodNames.ENTER
                    + names.enterDescriptor + " and " + HookMethodNames.EXIT + names.exitDescriptor);
        }
    }

    /** Passes one hook's code through, inside a try block whose catch-all returns "go on". */
    private static final class SwallowingCopy extends CodeStartVisitor {

        private final String hooksOwner;
        private final String descriptor;
        private final boolean enter;
        private final boolean withFrames;
        private final Label start = new Label();
        private final Label end = new Label();
        private final Label handler = new Label();

        SwallowingCopy(MethodVisitor copy, String hooksOwner, String descriptor, boolean enter,
                       boolean withFrames) {
            super(copy);
            this.hooksOwner = hooksOwner;
            this.descriptor = descriptor;
            this.enter = enter;
            this.withFrames = withFrames;
        }

        @Override
        protected void onCodeStart() {
            // After the hook's own handlers, so that those keep precedence over the catch-all.
            super.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
            super.visitLabel(start);
        }

        @Override
        protected void onCodeEnd(int maxStack, int maxLocals) {
            super.visitLabel(end);
            super.visitLabel(handler);
            if (withFrames) {
                Object[] locals = FrameTypes.of(Type.getArgumentTypes(descriptor));
                super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            super.visitInsn(Opcodes.POP);
            if (enter) {
                super.visitInsn(Opcodes.LCONST_0);
                super.visitInsn(Opcodes.LRETURN);
            } else {
                super.visitInsn(Opcodes.RETURN);
            }
            maxs(Math.max(maxStack, 2), maxLocals);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            refuseOwn(owner);
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            refuseOwn(owner);
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            refuseOwn(type);
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Type && ((Type) value).getSort() == Type.OBJECT) {
                refuseOwn(((Type) value).getInternalName());
            }
            super.visitLdcInsn(value);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            throw new IllegalStateException(hooksOwner + " uses invokedynamic, which a copied hook cannot");
        }

        /** The woven class cannot see the hooks class (it is the agent's): a hook must not name it. */
        private void refuseOwn(String owner) {
            if (hooksOwner.equals(owner) || owner.startsWith(hooksOwner + "$")) {
                throw new IllegalStateException(hooksOwner + " refers to its own class, which a copied hook cannot");
            }
        }
    }
}
