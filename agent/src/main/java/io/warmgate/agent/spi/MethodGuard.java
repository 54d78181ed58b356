package io.warmgate.agent.spi;

import java.util.List;

/**
 * A gate at the entry of handler methods chosen by reading the class (JAX-RS resource methods, say), woven with ASM
 * alone. Whatever the method returns, a denial ends it with an exception the framework turns into the answer:
 * <pre>
 * static Throwable enter(Object self, String handler)   // null to run the method; else it is thrown instead
 * </pre>
 * declared by the class named by {@link #hooksClassName()}, with the rules of {@link EntryHook}: JDK types, the
 * framework's API and the bridge only; the agent copies it into the woven class with a catch-all of its own, so a
 * hook that fails lets the method run. {@code handler} is the {@link GuardedMethod#handler()} of the method.
 */
public interface MethodGuard {

    /** Binary name of the class holding {@code enter}. */
    String hooksClassName();

    /**
     * The methods of {@code type} to guard; each is also reported in the log as a health handler found. Empty when
     * the class has none. May throw: the class is then left unchanged, with the usual warning.
     */
    List<GuardedMethod> select(ClassOutline type, TypeOutlines types);
}
