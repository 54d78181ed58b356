package io.warmgate.agent.hook;

import io.warmgate.agent.spi.AnnotationOutline;
import io.warmgate.agent.spi.ClassOutline;
import io.warmgate.agent.spi.MethodOutline;
import io.warmgate.agent.spi.TypeOutlines;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ClassOutline} from a class file with ASM, skipping code, debug information and frames: the
 * declarations and annotations only, a few microseconds per class once warm.
 */
public final class ClassOutlineReader {

    private static final String OBJECT = "java/lang/Object";

    private ClassOutlineReader() {
    }

    /** @throws IllegalArgumentException when {@code classFile} is not a class file ASM can read */
    public static ClassOutline read(byte[] classFile) {
        OutlineVisitor visitor = new OutlineVisitor();
        new ClassReader(classFile).accept(visitor,
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return visitor.outline();
    }

    /**
     * The classes {@code loader} shows, read on demand and remembered for the caller's use (one loading class):
     * a cache kept longer would hold on to the loader.
     */
    public static TypeOutlines through(final ClassLoader loader) {
        return new TypeOutlines() {
            private final Map<String, ClassOutline> read = new HashMap<String, ClassOutline>();

            @Override
            public ClassOutline find(String binaryName) {
                if (read.containsKey(binaryName)) {
                    return read.get(binaryName);
                }
                byte[] classFile = ClassFiles.read(loader, binaryName.replace('.', '/'));
                ClassOutline outline = null;
                if (classFile != null) {
                    try {
                        outline = read(classFile);
                    } catch (RuntimeException unreadable) {
                        outline = null; // a class file newer than ASM knows, or a broken one: not found
                    }
                }
                read.put(binaryName, outline);
                return outline;
            }
        };
    }

    private static String binaryName(String internalName) {
        return internalName == null ? null : internalName.replace('/', '.');
    }

    private static final class OutlineVisitor extends ClassVisitor {

        private String name;
        private String superName;
        private List<String> interfaces = Collections.emptyList();
        private int access;
        private final List<AnnotationOutline> annotations = new ArrayList<AnnotationOutline>();
        private final List<MethodOutline> methods = new ArrayList<MethodOutline>();
        private final List<MethodCollector> pending = new ArrayList<MethodCollector>();

        OutlineVisitor() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.access = access;
            this.name = binaryName(name);
            this.superName = OBJECT.equals(superName) ? null : binaryName(superName);
            List<String> names = new ArrayList<String>(interfaces == null ? 0 : interfaces.length);
            for (String anInterface : interfaces == null ? new String[0] : interfaces) {
                names.add(binaryName(anInterface));
            }
            this.interfaces = names;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return new AnnotationCollector(descriptor, annotations);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodCollector method = new MethodCollector(access, name, descriptor);
            pending.add(method);
            return method;
        }

        ClassOutline outline() {
            for (MethodCollector method : pending) {
                methods.add(new MethodOutline(method.name, method.descriptor, method.access, method.annotations));
            }
            return new ClassOutline(name, superName, interfaces, access, annotations, methods);
        }
    }

    private static final class MethodCollector extends MethodVisitor {

        final int access;
        final String name;
        final String descriptor;
        final List<AnnotationOutline> annotations = new ArrayList<AnnotationOutline>();

        MethodCollector(int access, String name, String descriptor) {
            super(Opcodes.ASM9);
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return new AnnotationCollector(descriptor, annotations);
        }
    }

    /** Collects one annotation's values as strings; nested annotations are not needed and are skipped. */
    private static final class AnnotationCollector extends AnnotationVisitor {

        private final String typeName;
        private final List<AnnotationOutline> into;
        private final Map<String, List<String>> values = new LinkedHashMap<String, List<String>>();

        AnnotationCollector(String descriptor, List<AnnotationOutline> into) {
            super(Opcodes.ASM9);
            this.typeName = Type.getType(descriptor).getClassName();
            this.into = into;
        }

        @Override
        public void visit(String name, Object value) {
            values.put(name, textOf(value));
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            values.put(name, Collections.singletonList(value));
        }

        @Override
        public AnnotationVisitor visitArray(final String name) {
            final List<String> elements = new ArrayList<String>();
            values.put(name, elements);
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String ignored, Object value) {
                    elements.addAll(textOf(value));
                }

                @Override
                public void visitEnum(String ignored, String descriptor, String value) {
                    elements.add(value);
                }
            };
        }

        @Override
        public void visitEnd() {
            into.add(new AnnotationOutline(typeName, values));
        }

        /** A primitive array ({@code int[] {...}}) arrives as one value: one string per element. */
        private static List<String> textOf(Object value) {
            if (value instanceof Type) {
                return Collections.singletonList(((Type) value).getClassName());
            }
            if (value != null && value.getClass().isArray()) {
                List<String> elements = new ArrayList<String>();
                for (int i = 0; i < Array.getLength(value); i++) {
                    elements.add(String.valueOf(Array.get(value, i)));
                }
                return elements;
            }
            return Collections.singletonList(String.valueOf(value));
        }
    }
}
