package io.warmgate.samples.legacy;

import java.util.concurrent.Callable;
import net.bytebuddy.implementation.bind.annotation.SuperCall;

/** Method delegation target for generated {@link Greeting} subclasses: wraps the original {@code describe()}. */
public final class GreetingDescriber {

    private GreetingDescriber() {
    }

    public static String describe(@SuperCall Callable<String> original) throws Exception {
        return "generated(" + original.call() + ")";
    }
}
