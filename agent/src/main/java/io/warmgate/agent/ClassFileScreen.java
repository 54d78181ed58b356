package io.warmgate.agent;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells from a class file's constant pool, without parsing the class, whether any framework could want it.
 *
 * <p>Most of a large application's classes (thousands in a Spring Boot service) can never match: they declare no
 * {@code service(ServletRequest, ServletResponse)}, carry no JAX-RS or Spring MVC annotation, and are not one of
 * the container classes the agent looks for. Every one of those facts leaves a trace in the constant pool: a
 * method descriptor, an annotation's type descriptor or the class's own name is a UTF-8 constant. Scanning the
 * constant pool for a few prefixes costs a few microseconds, where describing the class for the matchers means
 * parsing it.
 *
 * <p>The answer errs on the side of "maybe": an unknown constant tag or a truncated file lets the class through
 * to the real matchers.
 */
final class ClassFileScreen {

    private static final Charset UTF_8 = Charset.forName("UTF-8");

    /** Null when some framework cannot be screened: then every class goes to the matchers. */
    private final byte[][] prefixes;

    private ClassFileScreen(byte[][] prefixes) {
        this.prefixes = prefixes;
    }

    /** A screen that lets through every class some framework's hints allow. */
    static ClassFileScreen of(List<HandlerInstrumentation> frameworks) {
        List<byte[]> all = new ArrayList<byte[]>();
        for (HandlerInstrumentation framework : frameworks) {
            List<String> hints = framework.classFileHints();
            if (hints == null) {
                return new ClassFileScreen(null);
            }
            for (String hint : hints) {
                all.add(hint.getBytes(UTF_8)); // hints are ASCII, where modified UTF-8 is plain UTF-8
            }
        }
        return new ClassFileScreen(all.toArray(new byte[0][]));
    }

    boolean screensAnything() {
        return prefixes != null;
    }

    /** False only when no UTF-8 constant of the class file starts with any hint. */
    boolean mayMatch(byte[] classFile) {
        if (prefixes == null || classFile == null || classFile.length < 10) {
            return true;
        }
        int count = readU2(classFile, 8);
        int offset = 10;
        try {
            for (int index = 1; index < count; index++) {
                int tag = classFile[offset] & 0xFF;
                switch (tag) {
                    case 1: { // Utf8
                        int length = readU2(classFile, offset + 1);
                        if (startsWithAnyPrefix(classFile, offset + 3, length)) {
                            return true;
                        }
                        offset += 3 + length;
                        break;
                    }
                    case 3: case 4: // Integer, Float
                    case 9: case 10: case 11: case 12: // Fieldref, Methodref, InterfaceMethodref, NameAndType
                    case 17: case 18: // Dynamic, InvokeDynamic
                        offset += 5;
                        break;
                    case 5: case 6: // Long, Double take two entries
                        offset += 9;
                        index++;
                        break;
                    case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                        offset += 3;
                        break;
                    case 15: // MethodHandle
                        offset += 4;
                        break;
                    default:
                        return true; // a constant this code does not know: let the matchers decide
                }
            }
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return true;
        }
        return false;
    }

    private boolean startsWithAnyPrefix(byte[] classFile, int start, int length) {
        for (byte[] prefix : prefixes) {
            if (prefix.length <= length && regionStartsWith(classFile, start, prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionStartsWith(byte[] bytes, int start, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readU2(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }
}
