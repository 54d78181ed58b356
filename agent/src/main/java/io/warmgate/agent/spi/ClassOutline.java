package io.warmgate.agent.spi;

import java.util.Collections;
import java.util.List;

/**
 * What a class file says about a class, without loading it: its name, super types, annotations and methods, with
 * annotation values as plain strings. JDK types only, so that a module can find health handlers without Byte
 * Buddy; the agent reads it with ASM as a class loads.
 */
public final class ClassOutline {

    private static final int ACC_INTERFACE = 0x0200;
    private static final int ACC_ANNOTATION = 0x2000;

    private final String name;
    private final String superName;
    private final List<String> interfaces;
    private final int access;
    private final List<AnnotationOutline> annotations;
    private final List<MethodOutline> methods;

    /**
     * @param name       binary name, e.g. {@code com.acme.Health}
     * @param superName  binary name of the super class, null for {@code java.lang.Object} and interfaces' none
     * @param interfaces binary names of the interfaces it implements directly
     * @param access     the class file's access flags
     */
    public ClassOutline(String name, String superName, List<String> interfaces, int access,
                        List<AnnotationOutline> annotations, List<MethodOutline> methods) {
        this.name = name;
        this.superName = superName;
        this.interfaces = Collections.unmodifiableList(interfaces);
        this.access = access;
        this.annotations = Collections.unmodifiableList(annotations);
        this.methods = Collections.unmodifiableList(methods);
    }

    public String name() {
        return name;
    }

    /** The super class's binary name; null when there is none (or it is {@code java.lang.Object}). */
    public String superName() {
        return superName;
    }

    public List<String> interfaces() {
        return interfaces;
    }

    public boolean isInterface() {
        return (access & ACC_INTERFACE) != 0;
    }

    public boolean isAnnotation() {
        return (access & ACC_ANNOTATION) != 0;
    }

    /** The class's own annotations (visible and invisible at run time). */
    public List<AnnotationOutline> annotations() {
        return annotations;
    }

    /** The methods and constructors the class declares. */
    public List<MethodOutline> methods() {
        return methods;
    }

    /** The annotation of this type among the class's own, or null. */
    public AnnotationOutline annotation(String typeName) {
        return AnnotationOutline.find(annotations, typeName);
    }

    @Override
    public String toString() {
        return name;
    }
}
