package io.warmgate.agent.hook;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Puts a {@link io.warmgate.agent.spi.MethodGuard}'s call in front of one method of class {@code C}:
 * <pre>
 * Throwable denial = C.enter(this, "jax-rs (jakarta) com.acme.Health#check");   // the copied hook
 * if (denial != null) throw denial;
 * ...the method, unchanged...
 * </pre>
 * Nothing of the method moves or changes, whatever it returns: no local slot is taken, and the one new frame is
 * written from the descriptor.
 */
final class GuardCall extends CodeStartVisitor {

    private final String owner;
    private final String copyName;
    private final String handler;
    private final Type[] parameters;
    private final boolean withFrames;

    /**
     * @param owner      the woven class's internal name
     * @param descriptor the guarded method's descriptor
     * @param copyName   the copied hook's name in the woven class
     * @param handler    the argument the hook gets
     * @param withFrames whether the class carries stack map frames (version 50 and later)
     */
    GuardCall(MethodVisitor target, String owner, String descriptor, String copyName, String handler,
              boolean withFrames) {
        super(target);
        this.owner = owner;
        this.copyName = copyName;
        this.handler = handler;
        this.parameters = Type.getArgumentTypes(descriptor);
        this.withFrames = withFrames;
    }

    @Override
    protected void onCodeStart() {
        Label proceed = new Label();
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitLdcInsn(handler);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, copyName, GuardNames.ENTER_DESCRIPTOR, false);
        super.visitInsn(Opcodes.DUP);
        super.visitJumpInsn(Opcodes.IFNULL, proceed);
        super.visitInsn(Opcodes.ATHROW);
        super.visitLabel(proceed);
        if (withFrames) {
            Object[] locals = new Object[parameters.length + 1];
            locals[0] = owner;
            System.arraycopy(FrameTypes.of(parameters), 0, locals, 1, parameters.length);
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
        }
        super.visitInsn(Opcodes.POP);
    }

    @Override
    protected void onCodeEnd(int maxStack, int maxLocals) {
        maxs(Math.max(maxStack, 2), maxLocals);
    }
}
