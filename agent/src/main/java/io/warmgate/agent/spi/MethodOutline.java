package io.warmgate.agent.spi;

import java.util.Collections;
import java.util.List;

/** A method (or constructor) a class file declares: name, descriptor, access flags and annotations. */
public final class MethodOutline {

    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_BRIDGE = 0x0040;
    private static final int ACC_NATIVE = 0x0100;
    private static final int ACC_ABSTRACT = 0x0400;
    private static final int ACC_SYNTHETIC = 0x1000;

    private final String name;
    private final String descriptor;
    private final int access;
    private final List<AnnotationOutline> annotations;

    public MethodOutline(String name, String descriptor, int access, List<AnnotationOutline> annotations) {
        this.name = name;
        this.descriptor = descriptor;
        this.access = access;
        this.annotations = Collections.unmodifiableList(annotations);
    }

    public String name() {
        return name;
    }

    /** The JVM descriptor, e.g. {@code (Ljava/lang/String;)Ljakarta/ws/rs/core/Response;}. */
    public String descriptor() {
        return descriptor;
    }

    /** The descriptor's parameter part: equal for methods that override one another (erasures). */
    public String parameterDescriptor() {
        return descriptor.substring(0, descriptor.indexOf(')') + 1);
    }

    public boolean isPublic() {
        return (access & ACC_PUBLIC) != 0;
    }

    public boolean isStatic() {
        return (access & ACC_STATIC) != 0;
    }

    public boolean isAbstract() {
        return (access & (ACC_ABSTRACT | ACC_NATIVE)) != 0;
    }

    /** Bridges and other compiler-made methods: never a handler of the application's. */
    public boolean isGenerated() {
        return (access & (ACC_BRIDGE | ACC_SYNTHETIC)) != 0;
    }

    /** A constructor or a static initialiser. */
    public boolean isInitializer() {
        return name.startsWith("<");
    }

    public List<AnnotationOutline> annotations() {
        return annotations;
    }

    /** The annotation of this type among the method's own, or null. */
    public AnnotationOutline annotation(String typeName) {
        return AnnotationOutline.find(annotations, typeName);
    }

    @Override
    public String toString() {
        return name + descriptor;
    }
}
