package io.warmgate.agent.spi;

/** A handler method a {@link MethodGuard} selected: which method, how the log names it, the path it serves. */
public final class GuardedMethod {

    private final String methodName;
    private final String descriptor;
    private final String handler;
    private final String path;

    /**
     * @param handler framework and method as the log shows them, e.g. {@code jax-rs (jakarta) com.acme.Health#check};
     *                also what the guard's hook is given
     */
    public GuardedMethod(String methodName, String descriptor, String handler, String path) {
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.handler = handler;
        this.path = path;
    }

    public String methodName() {
        return methodName;
    }

    public String descriptor() {
        return descriptor;
    }

    public String handler() {
        return handler;
    }

    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return handler + " path " + path;
    }
}
