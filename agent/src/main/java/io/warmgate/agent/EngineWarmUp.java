package io.warmgate.agent;

import net.bytebuddy.asm.Advice;

/**
 * What {@link ClassWeaver#warmUp} weaves: a method shaped like the entry points the framework modules advise, and
 * an advice shaped like theirs (skip on a non-default value, a local shared by enter and exit, exit on throwables).
 * Both are only ever described from the agent jar's class files; neither class is loaded, and the woven result is
 * thrown away.
 */
final class EngineWarmUp {

    static final String TARGET = "io.warmgate.agent.EngineWarmUp";
    static final String ADVICE = "io.warmgate.agent.EngineWarmUp$EntryAdvice";
    static final String METHOD = "serve";

    private EngineWarmUp() {
    }

    /** Stands for a request entry point; never called. */
    static boolean serve(Object request, Object response) {
        return request == response;
    }

    /** Stands for a module's advice; never loaded. */
    public static final class EntryAdvice {

        private EntryAdvice() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        public static boolean enter(@Advice.Argument(0) Object request, @Advice.Local("start") long start) {
            start = System.nanoTime();
            return request == null;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Argument(1) Object response, @Advice.Local("start") long start,
                                @Advice.Thrown Throwable thrown) {
            if (thrown != null && response != null && start > 0) {
                System.nanoTime();
            }
        }
    }
}
