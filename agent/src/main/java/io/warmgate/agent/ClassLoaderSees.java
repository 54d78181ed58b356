package io.warmgate.agent;

import net.bytebuddy.matcher.ElementMatcher;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Matches class loaders that can see a given class, found as a resource so that nothing is loaded or
 * initialised. The answer is cached per loader; the cache holds loaders weakly so they can still be collected.
 */
final class ClassLoaderSees extends ElementMatcher.Junction.AbstractBase<ClassLoader> {

    private final String resourceName;
    private final Map<ClassLoader, Boolean> answers = Collections.synchronizedMap(new WeakHashMap<ClassLoader, Boolean>());

    ClassLoaderSees(String className) {
        this.resourceName = className.replace('.', '/') + ".class";
    }

    @Override
    public boolean matches(ClassLoader loader) {
        if (loader == null) {
            return false; // framework APIs never live on the boot class path
        }
        Boolean known = answers.get(loader);
        if (known == null) {
            known = loader.getResource(resourceName) != null;
            answers.put(loader, known);
        }
        return known;
    }
}
