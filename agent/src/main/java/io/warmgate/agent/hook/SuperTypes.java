package io.warmgate.agent.hook;

import net.bytebuddy.jar.asm.ClassReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a loading class extends or implements a given type, answered from class files read as resources of its
 * loader: nothing is loaded (the class itself is being loaded, and its ancestors may be too). Only the few classes
 * that declare a hooked method get here.
 */
public final class SuperTypes {

    /** Deep enough for any real hierarchy; bounds the work on a broken or cyclic one. */
    private static final int MAX_READS = 64;

    private SuperTypes() {
    }

    /**
     * @param classFile the loading class
     * @param loader    its loader (null: the boot loader)
     * @param wanted    the super type's internal name, e.g. {@code jakarta/servlet/Servlet}
     * @return true if {@code wanted} is among the class's ancestors, false if it is not
     * @throws IllegalStateException when it is not found and the class file of some ancestor could not be read
     *                               (a loader that hides its class files): the answer is then unknown
     */
    public static boolean has(byte[] classFile, ClassLoader loader, String wanted) {
        Deque<String> pending = new ArrayDeque<String>();
        Set<String> seen = new HashSet<String>();
        addAncestors(new ClassReader(classFile), pending);
        int reads = 0;
        String unreadable = null;
        while (!pending.isEmpty()) {
            String name = pending.poll();
            if (name.equals(wanted)) {
                return true;
            }
            if (!seen.add(name) || name.startsWith("java/") || reads++ >= MAX_READS) {
                continue; // the JDK's own types extend none of the frameworks' types
            }
            byte[] ancestor = ClassFiles.read(loader, name);
            if (ancestor != null) {
                addAncestors(new ClassReader(ancestor), pending);
            } else if (unreadable == null) {
                unreadable = name;
            }
        }
        if (unreadable != null) {
            throw new IllegalStateException("cannot read the class file of " + unreadable.replace('/', '.')
                    + ", one of its ancestors, through its class loader");
        }
        return false;
    }

    private static void addAncestors(ClassReader type, Deque<String> pending) {
        if (type.getSuperName() != null) {
            pending.add(type.getSuperName());
        }
        for (String name : type.getInterfaces()) {
            pending.add(name);
        }
    }
}
