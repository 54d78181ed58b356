package io.warmgate.agent.hook;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The first pass of {@link EntryHookRewriter}: each hooked method's {@code maxLocals} (the hook's state goes in
 * the slot after them), and a check that the method never stores into {@code this}'s slot nor writes a value of
 * another kind into a parameter's. The woven catch-all's frame gives the parameters their declared types, which
 * must hold everywhere in the method; javac only reuses a parameter's slot for a value of the parameter's type.
 */
final class MethodLocals {

    private MethodLocals() {
    }

    /** @return maxLocals by method name + descriptor, for the methods in {@code methods} */
    static Map<String, Integer> read(ClassReader reader, final Set<String> methods) {
        final Map<String, Integer> maxLocals = new HashMap<String, Integer>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, final String name, final String descriptor,
                                             String signature, String[] exceptions) {
                if (!methods.contains(name + descriptor)) {
                    return null;
                }
                final int[] kinds = parameterKinds(descriptor);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitVarInsn(int opcode, int slot) {
                        if (opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE && slot < kinds.length
                                && (slot == 0 || kinds[slot] != opcode - Opcodes.ISTORE + Opcodes.ILOAD)) {
                            refuse(name, slot);
                        }
                    }

                    @Override
                    public void visitIincInsn(int slot, int increment) {
                        if (slot < kinds.length && (slot == 0 || kinds[slot] != Opcodes.ILOAD)) {
                            refuse(name, slot);
                        }
                    }

                    @Override
                    public void visitMaxs(int maxStack, int locals) {
                        maxLocals.put(name + descriptor, locals);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return maxLocals;
    }

    /** The load opcode of the value in each slot of this and the parameters (-1 for a long's second slot). */
    private static int[] parameterKinds(String descriptor) {
        Type[] parameters = Type.getArgumentTypes(descriptor);
        int slots = 1;
        for (Type parameter : parameters) {
            slots += parameter.getSize();
        }
        int[] kinds = new int[slots];
        kinds[0] = Opcodes.ALOAD;
        int slot = 1;
        for (Type parameter : parameters) {
            kinds[slot] = parameter.getOpcode(Opcodes.ILOAD);
            if (parameter.getSize() == 2) {
                kinds[slot + 1] = -1;
            }
            slot += parameter.getSize();
        }
        return kinds;
    }

    private static void refuse(String method, int slot) {
        throw new IllegalStateException(method + " writes local slot " + slot + " of this or a parameter with "
                + "another kind of value");
    }
}
