package io.warmgate.agent.testing;

import io.warmgate.agent.spi.FrameworkWeaver;
import io.warmgate.agent.spi.Weaving;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;

/** Weaves a module's advice into test fixtures, the way the agent's engine would. */
public final class Woven {

    private Woven() {
    }

    /** The weaving of {@code weaver} whose label is {@code label}, e.g. "jersey container (grizzly)". */
    public static Weaving gate(FrameworkWeaver weaver, String label) {
        return weaver.gates().stream().filter(weaving -> weaving.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no weaving '" + label + "' in " + weaver.gates()));
    }

    /** A copy of the fixture, in its own class loader, with the weaving's advice inlined into its methods. */
    public static Class<?> copy(Class<?> fixture, Weaving weaving) {
        try {
            Class<?> advice = Class.forName(weaving.adviceClassName(), false, Woven.class.getClassLoader());
            return new ByteBuddy()
                    .redefine(fixture)
                    .visit(Advice.to(advice).on(weaving.methods()))
                    .make()
                    .load(fixture.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                    .getLoaded();
        } catch (ClassNotFoundException missing) {
            throw new AssertionError(missing);
        }
    }
}
