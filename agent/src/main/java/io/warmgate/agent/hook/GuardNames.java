package io.warmgate.agent.hook;

import java.util.Collections;
import java.util.List;

/** The name and descriptor of a {@link io.warmgate.agent.spi.MethodGuard}'s hook, in its class and as copied. */
final class GuardNames {

    static final String ENTER = "enter";
    /** {@code (Object self, String handler)Throwable} */
    static final String ENTER_DESCRIPTOR = "(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Throwable;";

    private GuardNames() {
    }

    /** The copy's name in a woven class. */
    static String copyName(String hooksOwner) {
        return HookMethodNames.copyName(hooksOwner, ENTER);
    }

    /** What {@link HookCopier} copies for a guard whose hooks class is {@code hooksOwner}. */
    static List<HookCopier.Copy> copies(String hooksOwner) {
        return Collections.singletonList(new HookCopier.Copy(ENTER, ENTER_DESCRIPTOR, copyName(hooksOwner)));
    }
}
