package io.warmgate.agent.hook;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies hook methods ({@code enter} and {@code exit} of an {@link io.warmgate.agent.spi.EntryHook}, {@code enter}
 * of a {@link io.warmgate.agent.spi.MethodGuard}) into the class being woven, as private static synthetic methods,
 * each wrapped in a catch-all: whatever a hook throws (a bridge its loader cannot link, a framework API older than
 * the hook expects) is swallowed, and the woven method runs on as if the agent were absent (the copy then answers
 * 0, null or nothing, "go on"). Debug information is not copied: the lines of the hooks' source would mislead in
 * the application's stack traces.
 */
final class HookCopier {

    /** One hook method to copy: its name and descriptor in the hooks class, and its name in the woven class. */
    static final class Copy {
        final String name;
        final String descriptor;
        final String copyName;

        Copy(String name, String descriptor, String copyName) {
            this.name = name;
            this.descriptor = descriptor;
            this.copyName = copyName;
        }

        @Override
        public String toString() {
            return name + descriptor;
        }
    }

    private HookCopier() {
    }

    /**
     * @param hooksClassFile the hooks class, read from the agent jar
     * @param hooksOwner     its internal name
     * @param copies         the methods to copy, each of which it must declare static
     * @param target         receives the copies
     * @param withFrames     whether the woven class carries stack map frames (class file version 50 and later)
     * @throws IllegalStateException when the hooks class does not declare every method, or a hook refers to its own
     *                               class (which the woven class cannot see) or uses invokedynamic
     */
    static void copy(byte[] hooksClassFile, final String hooksOwner, final List<Copy> copies,
                     final ClassVisitor target, final boolean withFrames) {
        final List<Copy> copied = new ArrayList<Copy>();
        new ClassReader(hooksClassFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if ((access & Opcodes.ACC_STATIC) == 0) {
                    return null;
                }
                for (Copy wanted : copies) {
                    if (wanted.name.equals(name) && wanted.descriptor.equals(descriptor)) {
                        copied.add(wanted);
                        MethodVisitor copy = target.visitMethod(
                                Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                                wanted.copyName, descriptor, null, null);
                        return new SwallowingCopy(copy, hooksOwner, descriptor, withFrames);
                    }
                }
                return null;
            }
        }, ClassReader.SKIP_DEBUG | (withFrames ? ClassReader.EXPAND_FRAMES : ClassReader.SKIP_FRAMES));
        if (copied.size() != copies.size()) {
            throw new IllegalStateException(hooksOwner + " does not declare static " + copies);
        }
    }

    /** Passes one hook's code through, inside a try block whose catch-all returns "go on". */
    private static final class SwallowingCopy extends CodeStartVisitor {

        private final String hooksOwner;
        private final String descriptor;
        private final boolean withFrames;
        private final Label start = new Label();
        private final Label end = new Label();
        private final Label handler = new Label();

        SwallowingCopy(MethodVisitor copy, String hooksOwner, String descriptor, boolean withFrames) {
            super(copy);
            this.hooksOwner = hooksOwner;
            this.descriptor = descriptor;
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
            returnGoOn(Type.getReturnType(descriptor));
            maxs(Math.max(maxStack, 2), maxLocals);
        }

        /** Returns the hook's "go on" answer: 0, null, or nothing. */
        private void returnGoOn(Type returned) {
            switch (returned.getSort()) {
                case Type.VOID:
                    super.visitInsn(Opcodes.RETURN);
                    return;
                case Type.LONG:
                    super.visitInsn(Opcodes.LCONST_0);
                    break;
                case Type.DOUBLE:
                    super.visitInsn(Opcodes.DCONST_0);
                    break;
                case Type.FLOAT:
                    super.visitInsn(Opcodes.FCONST_0);
                    break;
                case Type.OBJECT:
                case Type.ARRAY:
                    super.visitInsn(Opcodes.ACONST_NULL);
                    break;
                default:
                    super.visitInsn(Opcodes.ICONST_0);
                    break;
            }
            super.visitInsn(returned.getOpcode(Opcodes.IRETURN));
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
