package io.warmgate.agent.hook;

import io.warmgate.agent.spi.EntryHook;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Rewrites one advised method ({@code void m(A a, B b)} of class {@code C}) into:
 * <pre>
 * long state = C.enter(this, a, b);       // the copied hook
 * if (state == SKIP) return;
 * try {
 *     ...the method, with C.exit(null, this, a, b, state) before each return...
 * } catch (Throwable t) {                 // registered after the method's own handlers: only what escapes
 *     C.exit(t, this, a, b, state);
 *     throw t;
 * }
 * </pre>
 * {@code state} lives in a new local slot past every slot the method uses ({@code maxLocals}), so no instruction
 * of the method moves; every stack map frame of the method gets that slot added. Parameters keep their declared
 * types in the handler's frame. That always holds for interface-typed parameters (the servlet API's), which the
 * verifier treats as any reference; for class-typed ones (Grizzly's {@code Request}, the JDK server's
 * {@code HttpExchange}) it holds as long as the method stores only values of the parameter's type into its slot,
 * as javac's code does: the hooks that name such classes are for one known class each ({@code EntryHook.inClass}),
 * which the integration tests load and run.
 */
final class HookedMethod extends CodeStartVisitor {

    private final String owner;
    private final HookMethodNames names;
    private final Type[] parameters;
    private final int parameterSlots;
    private final int stateSlot;
    private final boolean withFrames;
    private final Label body = new Label();
    private final Label bodyEnd = new Label();
    private final Label handler = new Label();

    /**
     * @param owner      the woven class's internal name
     * @param descriptor the advised method's descriptor
     * @param maxLocals  the method's own local slots, read before (the state goes after them)
     * @param withFrames whether the class carries stack map frames (version 50 and later), read expanded
     */
    HookedMethod(MethodVisitor target, String owner, String descriptor, HookMethodNames names, int maxLocals,
                 boolean withFrames) {
        super(target);
        this.owner = owner;
        this.names = names;
        this.parameters = Type.getArgumentTypes(descriptor);
        int slots = 0;
        for (Type parameter : parameters) {
            slots += parameter.getSize();
        }
        this.parameterSlots = slots;
        this.stateSlot = maxLocals;
        this.withFrames = withFrames;
    }

    @Override
    protected void onCodeStart() {
        super.visitTryCatchBlock(body, bodyEnd, handler, null);
        Label proceed = new Label();
        loadThisAndParameters();
        super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, names.enterCopy, names.enterDescriptor, false);
        super.visitVarInsn(Opcodes.LSTORE, stateSlot);
        super.visitVarInsn(Opcodes.LLOAD, stateSlot);
        super.visitLdcInsn(EntryHook.SKIP);
        super.visitInsn(Opcodes.LCMP);
        super.visitJumpInsn(Opcodes.IFNE, proceed);
        super.visitInsn(Opcodes.RETURN);
        super.visitLabel(proceed);
        frame(new Object[0]);
        // The method's own first frame, if its first instruction is a jump target, must not share this offset.
        super.visitInsn(Opcodes.NOP);
        super.visitLabel(body);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.RETURN) {
            super.visitInsn(Opcodes.ACONST_NULL);
            callExit();
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (type != Opcodes.F_NEW) {
            throw new IllegalStateException("frames must be read expanded");
        }
        Object[] locals = FrameTypes.withAt(local, numLocal, stateSlot, Opcodes.LONG);
        super.visitFrame(Opcodes.F_NEW, locals.length, locals, numStack, stack);
    }

    @Override
    protected void onCodeEnd(int maxStack, int maxLocals) {
        super.visitLabel(bodyEnd);
        super.visitLabel(handler);
        frame(new Object[] {"java/lang/Throwable"});
        super.visitInsn(Opcodes.DUP);
        callExit();
        super.visitInsn(Opcodes.ATHROW);
        // this + parameters + state + throwable twice, over whatever the method had on its stack at a return
        maxs(maxStack + parameterSlots + 5, maxLocals + 2);
    }

    /** Expects the throwable (or null) on the stack; calls the copied exit with it first. */
    private void callExit() {
        loadThisAndParameters();
        super.visitVarInsn(Opcodes.LLOAD, stateSlot);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, names.exitCopy, names.exitDescriptor, false);
    }

    private void loadThisAndParameters() {
        super.visitVarInsn(Opcodes.ALOAD, 0);
        int slot = 1;
        for (Type parameter : parameters) {
            super.visitVarInsn(parameter.getOpcode(Opcodes.ILOAD), slot);
            slot += parameter.getSize();
        }
    }

    /** The frame of the method's start plus the state slot, with {@code stack}; none for old class files. */
    private void frame(Object[] stack) {
        if (!withFrames) {
            return;
        }
        Object[] start = new Object[parameters.length + 1];
        start[0] = owner;
        System.arraycopy(FrameTypes.of(parameters), 0, start, 1, parameters.length);
        Object[] locals = FrameTypes.withAt(start, start.length, stateSlot, Opcodes.LONG);
        super.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
    }
}
