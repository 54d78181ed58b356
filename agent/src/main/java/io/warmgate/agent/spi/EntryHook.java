package io.warmgate.agent.spi;

/**
 * A gate that needs no Byte Buddy: two static hook methods called at the entry and at every exit of one method
 * (a request entry such as {@code Servlet.service}), in every concrete class that declares that method and has a
 * given super type. The agent weaves it with a small ASM visitor: it copies the hooks into the woven class as
 * private static methods and calls them, so loading such a class costs a few dozen ASM classes instead of Byte
 * Buddy's several hundred. JDK types only: hooks are described at start-up.
 *
 * <p>The hooks class (named, never loaded by the agent) declares, for an advised method {@code void m(A a, B b)}:
 * <pre>
 * static long enter(Object self, A a, B b)                      // SKIP to skip the method, else any state
 * static void exit(Throwable thrown, Object self, A a, B b, long state)   // thrown is null on a normal return
 * </pre>
 * They may use only JDK types, the framework's API and the bridge ({@code io.warmgate.bridge}), no other member
 * of their own class, no lambdas; the agent adds a catch-all around each, so a hook that fails leaves the method
 * to run as it would without the agent. Only methods returning {@code void} can be hooked.
 */
public final class EntryHook {

    /** What {@code enter} returns to have the method return at once, without running it or {@code exit}. */
    public static final long SKIP = Long.MIN_VALUE;

    private final String label;
    private final String superType;
    private final String methodName;
    private final String methodDescriptor;
    private final String hooksClassName;
    private final boolean exactType;

    /**
     * @param label            shown in logs, e.g. "servlet (jakarta)"
     * @param superType        binary name of a type the class must extend or implement, e.g.
     *                         {@code jakarta.servlet.Servlet}
     * @param methodName       the advised method's name
     * @param methodDescriptor its descriptor, which must end in {@code )V}
     * @param hooksClassName   binary name of the class holding {@code enter} and {@code exit}
     */
    public EntryHook(String label, String superType, String methodName, String methodDescriptor,
                     String hooksClassName) {
        this(label, superType, methodName, methodDescriptor, hooksClassName, false);
    }

    /**
     * A hook for one class only, not its subclasses: a framework's own request entry (Jersey's Grizzly container,
     * say), where a subclass that overrides the method and calls it would otherwise decide a request twice.
     *
     * @param className binary name of the class whose own method is hooked
     */
    public static EntryHook inClass(String label, String className, String methodName, String methodDescriptor,
                                    String hooksClassName) {
        return new EntryHook(label, className, methodName, methodDescriptor, hooksClassName, true);
    }

    private EntryHook(String label, String superType, String methodName, String methodDescriptor,
                      String hooksClassName, boolean exactType) {
        if (!methodDescriptor.endsWith(")V")) {
            throw new IllegalArgumentException("only void methods can be hooked: " + methodDescriptor);
        }
        this.label = label;
        this.superType = superType;
        this.methodName = methodName;
        this.methodDescriptor = methodDescriptor;
        this.hooksClassName = hooksClassName;
        this.exactType = exactType;
    }

    public String label() {
        return label;
    }

    /** The super type a woven class must have, or for {@link #inClass} the one class woven. */
    public String superType() {
        return superType;
    }

    /** True when only the class named by {@link #superType()} itself is woven (see {@link #inClass}). */
    public boolean isExactType() {
        return exactType;
    }

    public String methodName() {
        return methodName;
    }

    public String methodDescriptor() {
        return methodDescriptor;
    }

    public String hooksClassName() {
        return hooksClassName;
    }

    @Override
    public String toString() {
        return label;
    }
}
