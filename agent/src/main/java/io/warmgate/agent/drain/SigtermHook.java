package io.warmgate.agent.drain;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The JVM's SIGTERM handler, taken over and chained. {@code sun.misc.Signal} exists from Java 8 to 25 (in the
 * {@code jdk.unsupported} module from 9 on), but the agent is compiled with {@code --release 8}, whose API
 * leaves {@code sun.misc} out; so it is reached reflectively, and the handler is a {@link Proxy} of
 * {@code sun.misc.SignalHandler}.
 *
 * <p>{@code Signal.handle} returns the handler it replaced: the JVM's own (which runs the shutdown hooks and exits
 * with status 143), or one the application installed before. {@link #passOn} calls exactly that one, so after
 * the drain the shutdown is the one the JVM would have run without the agent.
 */
final class SigtermHook implements InvocationHandler {

    /** Receives SIGTERM on the JVM's signal thread; must return quickly and never throw. */
    interface Receiver {
        void sigterm();
    }

    private final Receiver receiver;
    private volatile Class<?> signalClass;
    private volatile Class<?> handlerClass;
    /** The handler replaced at installation; null until installed. */
    private volatile Object previous;
    /** The signal object the JVM delivered, passed on as it came; null until SIGTERM arrived. */
    private volatile Object delivered;

    SigtermHook(Receiver receiver) {
        this.receiver = receiver;
    }

    /**
     * Installs the handler.
     *
     * @return null when installed; otherwise why not, for one log line (SIGTERM is then left alone)
     */
    String install() {
        Object term;
        Object ignore;
        try {
            signalClass = Class.forName("sun.misc.Signal");
            handlerClass = Class.forName("sun.misc.SignalHandler");
            term = signalClass.getConstructor(String.class).newInstance("TERM");
            ignore = handlerClass.getField("SIG_IGN").get(null);
        } catch (Throwable unavailable) {
            return "this Java runtime has no sun.misc.Signal (" + unavailable + ")";
        }
        Object proxy = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, this);
        Object replaced;
        try {
            replaced = handle(term, proxy);
        } catch (IllegalArgumentException refused) {
            // What Signal.handle says when the JVM keeps its hands off SIGTERM: -Xrs (or -XX:+ReduceSignalUsage).
            return "the JVM does not let Java code handle SIGTERM (" + refused.getMessage() + "; -Xrs?)";
        }
        if (replaced == ignore) {
            // The process was started with SIGTERM ignored (nohup-like launchers): the JVM keeps ignoring it, so
            // ours would never run. Put back what was there.
            handle(term, ignore);
            return "SIGTERM is ignored by this process (its launcher set it so)";
        }
        previous = replaced;
        return null;
    }

    private Object handle(Object signal, Object handler) {
        try {
            return signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
        } catch (InvocationTargetException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) cause;
            }
            throw new IllegalStateException("Signal.handle failed: " + cause, cause);
        } catch (ReflectiveOperationException inaccessible) {
            throw new IllegalStateException("Signal.handle is not accessible: " + inaccessible, inaccessible);
        }
    }

    /** The proxy's methods: {@code handle(Signal)} is SIGTERM; the Object methods keep the proxy well-behaved. */
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        String name = method.getName();
        if (name.equals("handle") && args != null && args.length == 1) {
            delivered = args[0];
            receiver.sigterm();
            return null;
        }
        if (name.equals("equals") && args != null && args.length == 1) {
            return proxy == args[0];
        }
        if (name.equals("hashCode")) {
            return System.identityHashCode(proxy);
        }
        return "warmgate SIGTERM drain handler";
    }

    /**
     * Hands SIGTERM to the handler that was there before, as the JVM would have without the agent. Never throws.
     * A default-action handler cannot be called from Java: then the default is restored and the signal raised
     * again, which ends the process as SIGTERM would have.
     *
     * @return null when passed on, or what went wrong
     */
    String passOn() {
        Object before = previous;
        Object signal = delivered;
        if (before == null || signal == null) {
            return "no SIGTERM to pass on";
        }
        try {
            Object defaultAction = handlerClass.getField("SIG_DFL").get(null);
            if (before == defaultAction) {
                handle(signal, defaultAction);
                signalClass.getMethod("raise", signalClass).invoke(null, signal);
                return null;
            }
            handlerClass.getMethod("handle", signalClass).invoke(before, signal);
            return null;
        } catch (InvocationTargetException failed) {
            return String.valueOf(failed.getCause());
        } catch (Throwable failed) {
            return String.valueOf(failed);
        }
    }
}
