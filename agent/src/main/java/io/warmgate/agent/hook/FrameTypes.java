package io.warmgate.agent.hook;

import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.ArrayList;
import java.util.List;

/** Stack map frame entries (ASM's expanded form: one entry per value, a long or double included). */
final class FrameTypes {

    private FrameTypes() {
    }

    /** The entries of {@code types}, in order, as locals. */
    static Object[] of(Type[] types) {
        Object[] entries = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            entries[i] = of(types[i]);
        }
        return entries;
    }

    /** The frame entry of a value of {@code type}. */
    static Object of(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return type.getInternalName(); // objects by internal name, arrays by descriptor
        }
    }

    /** How many local variable slots {@code entries} fill: two for a long or a double, one for anything else. */
    static int slots(Object[] entries, int count) {
        int slots = 0;
        for (int i = 0; i < count; i++) {
            slots += entries[i] == Opcodes.LONG || entries[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        return slots;
    }

    /** {@code locals} (the first {@code count}), padded with TOP up to {@code slot}, then {@code last} there. */
    static Object[] withAt(Object[] locals, int count, int slot, Object last) {
        if (slots(locals, count) > slot) {
            throw new IllegalStateException("a frame uses local slot " + slot + ", past the method's maximum");
        }
        List<Object> entries = new ArrayList<Object>(count + 4);
        for (int i = 0; i < count; i++) {
            entries.add(locals[i]);
        }
        for (int filled = slots(locals, count); filled < slot; filled++) {
            entries.add(Opcodes.TOP);
        }
        entries.add(last);
        return entries.toArray();
    }
}
