package io.warmgate.agent.hook;

import io.warmgate.agent.spi.EntryHook;

import java.util.Arrays;
import java.util.List;

/**
 * The names and descriptors of an {@link EntryHook}'s two hook methods, in the hooks class and as copied into a
 * woven class. One place, so that the copy and the call sites cannot disagree.
 */
final class HookMethodNames {

    static final String ENTER = "enter";
    static final String EXIT = "exit";
    private static final String COPY_PREFIX = "warmgate$";

    /** The hooks class's internal name, e.g. {@code io/warmgate/agent/servlet/JavaxServletHooks}. */
    final String hooksOwner;
    /** {@code (Object, <advised method's parameters>)long} */
    final String enterDescriptor;
    /** {@code (Throwable, Object, <advised method's parameters>, long)void} */
    final String exitDescriptor;
    /** The copies' names in the woven class: unique per hooks class, and obviously the agent's. */
    final String enterCopy;
    final String exitCopy;

    HookMethodNames(EntryHook hook) {
        this.hooksOwner = hook.hooksClassName().replace('.', '/');
        String descriptor = hook.methodDescriptor();
        String parameters = descriptor.substring(1, descriptor.indexOf(')'));
        this.enterDescriptor = "(Ljava/lang/Object;" + parameters + ")J";
        this.exitDescriptor = "(Ljava/lang/Throwable;Ljava/lang/Object;" + parameters + "J)V";
        this.enterCopy = copyName(hooksOwner, ENTER);
        this.exitCopy = copyName(hooksOwner, EXIT);
    }

    /** What {@link HookCopier} copies for this hook. */
    List<HookCopier.Copy> copies() {
        return Arrays.asList(new HookCopier.Copy(ENTER, enterDescriptor, enterCopy),
                new HookCopier.Copy(EXIT, exitDescriptor, exitCopy));
    }

    /** The copy's name of a hook method of {@code hooksOwner}: unique per hooks class, and obviously the agent's. */
    static String copyName(String hooksOwner, String method) {
        return COPY_PREFIX + hooksOwner.substring(hooksOwner.lastIndexOf('/') + 1) + "$" + method;
    }
}
