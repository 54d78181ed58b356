package io.warmgate.agent.hook;

import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A method visitor told where a method's code starts and ends. ASM visits a method's exception table before its
 * first instruction; code inserted at the start, and a handler registered then, come after the method's own
 * handlers, which keep their precedence. {@link #onCodeStart} runs at the first event past the exception table,
 * {@link #onCodeEnd} instead of {@code visitMaxs}.
 */
abstract class CodeStartVisitor extends MethodVisitor {

    private boolean started;

    CodeStartVisitor(MethodVisitor target) {
        super(Opcodes.ASM9, target);
    }

    /** Called once, after the method's own exception table and before its first label or instruction. */
    protected abstract void onCodeStart();

    /** Called for {@code visitMaxs}; must end with {@link #maxs}. */
    protected abstract void onCodeEnd(int maxStack, int maxLocals);

    /** Passes the method's maxima on. */
    protected final void maxs(int maxStack, int maxLocals) {
        super.visitMaxs(maxStack, maxLocals);
    }

    private void start() {
        if (!started) {
            started = true;
            onCodeStart();
        }
    }

    @Override
    public final void visitMaxs(int maxStack, int maxLocals) {
        start();
        onCodeEnd(maxStack, maxLocals);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        start();
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitInsn(int opcode) {
        start();
        super.visitInsn(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        start();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        start();
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        start();
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        start();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        start();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        start();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        start();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLabel(Label label) {
        start();
        super.visitLabel(label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        start();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        start();
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        start();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        start();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        start();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        start();
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
                                   int index) {
        start();
        super.visitLocalVariable(name, descriptor, signature, start, end, index);
    }
}
