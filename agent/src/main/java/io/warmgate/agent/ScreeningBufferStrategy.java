package io.warmgate.agent;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

import java.io.IOException;
import java.security.ProtectionDomain;
import java.util.Collections;

/**
 * Keeps Byte Buddy from parsing classes that no framework can want.
 *
 * <p>Byte Buddy asks this strategy for the type pool that describes each class as it loads. For a class the
 * {@link ClassFileScreen} rules out, the pool hands back a {@link ScreenedOut} placeholder of the same name,
 * which the agent's ignore rule recognises first (see {@link #isScreenedOut()}): the class is left as it is,
 * without the parse that describing it from its class file would cost. Other classes get Byte Buddy's
 * ordinary pool.
 */
final class ScreeningBufferStrategy implements AgentBuilder.ClassFileBufferStrategy {

    private static final AgentBuilder.ClassFileBufferStrategy RETAINING = AgentBuilder.ClassFileBufferStrategy.Default.RETAINING;

    private final ClassFileScreen screen;

    ScreeningBufferStrategy(ClassFileScreen screen) {
        this.screen = screen;
    }

    @Override
    public ClassFileLocator resolve(String name, byte[] binaryRepresentation, ClassLoader classLoader,
                                    JavaModule module, ProtectionDomain protectionDomain) {
        return RETAINING.resolve(name, binaryRepresentation, classLoader, module, protectionDomain);
    }

    @Override
    public TypePool typePool(AgentBuilder.PoolStrategy poolStrategy, ClassFileLocator classFileLocator,
                             ClassLoader classLoader, String name) {
        if (!screen.mayMatch(retainedBytes(classFileLocator, name))) {
            return new TypePool.Explicit(Collections.<String, TypeDescription>singletonMap(name, new ScreenedOut(name)));
        }
        return RETAINING.typePool(poolStrategy, classFileLocator, classLoader, name);
    }

    /** The class file Byte Buddy is looking at: the retained buffer answers first, so nothing is read again. */
    private static byte[] retainedBytes(ClassFileLocator locator, String name) {
        try {
            ClassFileLocator.Resolution resolution = locator.locate(name);
            return resolution.isResolved() ? resolution.resolve() : null;
        } catch (IOException unreadable) {
            return null; // unknown: the screen lets it through
        }
    }

    /** The ignore rule for placeholders: put it first, so no other matcher ever looks at one. */
    static ElementMatcher.Junction<TypeDescription> isScreenedOut() {
        return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
            @Override
            public boolean matches(TypeDescription type) {
                return type instanceof ScreenedOut;
            }

            @Override
            public String toString() {
                return "screenedOut()";
            }
        };
    }

    /**
     * Stands in for a class that no framework can want: its name only, and nothing declared. It is ignored before
     * any matcher sees it; should one look anyway, it finds no methods, fields or annotations.
     */
    static final class ScreenedOut extends TypeDescription.Latent {

        ScreenedOut(String name) {
            super(name, 0, TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class));
        }

        @Override
        public MethodList<MethodDescription.InDefinedShape> getDeclaredMethods() {
            return new MethodList.Empty<MethodDescription.InDefinedShape>();
        }

        @Override
        public FieldList<FieldDescription.InDefinedShape> getDeclaredFields() {
            return new FieldList.Empty<FieldDescription.InDefinedShape>();
        }

        @Override
        public AnnotationList getDeclaredAnnotations() {
            return new AnnotationList.Empty();
        }
    }
}
