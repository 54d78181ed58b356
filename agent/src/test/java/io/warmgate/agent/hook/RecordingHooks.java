package io.warmgate.agent.hook;

import io.warmgate.agent.spi.EntryHook;
import java.util.List;

/** Hooks for {@code void greet(List)} that write what they see into the list the method is called with. */
public final class RecordingHooks {

    private RecordingHooks() {
    }

    public static long enter(Object self, List<String> out) {
        out.add("enter");
        if (out.contains("skip")) {
            return EntryHook.SKIP;
        }
        if (out.contains("enter fails")) {
            throw new IllegalStateException("the enter hook failed");
        }
        return 42L;
    }

    public static void exit(Throwable thrown, Object self, List<String> out, long state) {
        // A StringBuilder by hand: the test sources are compiled for Java 17, whose string concatenation is an
        // invokedynamic, which a copied hook may not use.
        out.add(new StringBuilder("exit state=").append(state).append(" thrown=")
                .append(thrown == null ? "none" : thrown.getMessage()).toString());
        if (out.contains("exit fails")) {
            throw new IllegalStateException("the exit hook failed");
        }
    }
}
