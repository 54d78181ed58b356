package io.warmgate.agent.robustness;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A class loader with a fresh copy of the bridge classes ({@code io.warmgate.bridge}) and of the given classes,
 * so a test can install its own gatekeeper: the real {@code GateBridge} takes one gatekeeper for the life of
 * the JVM, and other tests in this JVM install theirs. Everything else comes from the test class path.
 *
 * <p>With {@code bridgeVisible} false the loader finds no bridge class at all, like an OSGi bundle without boot
 * delegation for the bridge's package.
 */
final class IsolatedBridge extends ClassLoader {

    static final String BRIDGE_PACKAGE = "io.warmgate.bridge.";

    private final Map<String, byte[]> ownClasses;
    private final boolean bridgeVisible;

    /** @param ownClasses class name to class file, defined here rather than taken from the test class path */
    IsolatedBridge(Map<String, byte[]> ownClasses, boolean bridgeVisible) {
        super(IsolatedBridge.class.getClassLoader());
        this.ownClasses = Map.copyOf(ownClasses);
        this.bridgeVisible = bridgeVisible;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        boolean bridge = name.startsWith(BRIDGE_PACKAGE);
        if (!bridge && !ownClasses.containsKey(name)) {
            return super.loadClass(name, resolve);
        }
        if (bridge && !bridgeVisible) {
            throw new ClassNotFoundException(name + " is not visible from this class loader");
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] classFile = bridge ? classFileOnTestClassPath(name) : ownClasses.get(name);
                loaded = defineClass(name, classFile, 0, classFile.length);
            }
            return loaded;
        }
    }

    /** Installs a gatekeeper whose every call goes to {@code handler}; returns GateBridge.install's answer. */
    boolean install(InvocationHandler handler) {
        Class<?> keeperType = load(BRIDGE_PACKAGE + "HealthGatekeeper");
        Object keeper = Proxy.newProxyInstance(this, new Class<?>[] {keeperType}, handler);
        return (Boolean) invoke("install", new Class<?>[] {keeperType}, keeper);
    }

    /** Calls a static method of this loader's own {@code GateBridge}, unwrapping what it throws. */
    Object invoke(String method, Class<?>[] parameterTypes, Object... arguments) {
        try {
            Method target = load(BRIDGE_PACKAGE + "GateBridge").getMethod(method, parameterTypes);
            return target.invoke(null, arguments);
        } catch (InvocationTargetException thrown) {
            throw new AssertionError("GateBridge." + method + " threw", thrown.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks this loader's own {@code GateBridge.check} about a health check on {@code path} from {@code remote}. */
    Object check(String path, String remote) {
        Class<?> requestType = load(BRIDGE_PACKAGE + "HealthRequest");
        try {
            Object request = requestType.getConstructor(String.class, String.class, String.class, int.class,
                    String.class, String.class, String.class, String.class, String.class)
                    .newInstance(path, remote, "127.0.0.1", 8080, null, null, null, null, "servlet Health");
            return invoke("check", new Class<?>[] {requestType}, request);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A denial of this loader's own {@code Denial} type, for a gatekeeper to return. */
    static Object denial(Class<?> denialType, String headerValue, String body) {
        try {
            return denialType.getConstructor(String.class, String.class).newInstance(headerValue, body);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    Class<?> load(String name) {
        try {
            return loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] classFileOnTestClassPath(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
