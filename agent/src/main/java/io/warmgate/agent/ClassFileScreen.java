package io.warmgate.agent;

import java.nio.charset.Charset;
import java.util.List;

/**
 * Tells from a class file's constant pool, without parsing the class, which of a few UTF-8 prefixes it carries.
 *
 * <p>Most of a large application's classes (thousands in a Spring Boot service) can never concern a framework
 * module: they declare no {@code service(ServletRequest, ServletResponse)}, carry no JAX-RS or Spring MVC
 * annotation, and are not one of the container classes the agent looks for. Every one of those facts leaves a
 * trace in the constant pool: a method descriptor or an annotation's type descriptor is a UTF-8 constant.
 * Scanning the constant pool for a few prefixes costs a few microseconds, where describing the class means
 * parsing it.
 *
 * <p>The answer errs on the side of "maybe": an unknown constant tag or a truncated file reports every prefix.
 */
final class ClassFileScreen {

    /** At most this many prefixes: the answer is a bit set in a long. */
    static final int MAX_PREFIXES = 64;
    /** Every prefix, as reported for a class file this screen cannot read. */
    private static final long EVERY_PREFIX = -1L;
    private static final Charset UTF_8 = Charset.forName("UTF-8");

    private final byte[][] prefixes;
    /**
     * {@code firstBytes[b]} is true when some prefix starts with byte {@code b}. Most constants of a class are
     * names and descriptors that start with another byte, and are passed over after one look-up.
     */
    private final boolean[] firstBytes = new boolean[256];
    /** An empty prefix matches every constant, which the first-byte look-up cannot say. */
    private final boolean emptyPrefix;

    /** @param prefixes ASCII prefixes (where modified UTF-8 is plain UTF-8), at most {@value #MAX_PREFIXES} */
    ClassFileScreen(List<String> prefixes) {
        if (prefixes.size() > MAX_PREFIXES) {
            throw new IllegalArgumentException("at most " + MAX_PREFIXES + " constant prefixes: " + prefixes.size());
        }
        this.prefixes = new byte[prefixes.size()][];
        boolean empty = false;
        for (int i = 0; i < prefixes.size(); i++) {
            this.prefixes[i] = prefixes.get(i).getBytes(UTF_8);
            if (this.prefixes[i].length == 0) {
                empty = true;
            } else {
                firstBytes[this.prefixes[i][0] & 0xFF] = true;
            }
        }
        this.emptyPrefix = empty;
    }

    /**
     * Bit {@code i} is set when some UTF-8 constant of the class file starts with prefix {@code i}; every bit is set
     * when the file cannot be read.
     */
    long matches(byte[] classFile) {
        if (prefixes.length == 0) {
            return 0L;
        }
        if (classFile == null || classFile.length < 10) {
            return EVERY_PREFIX;
        }
        long found = 0L;
        int count = readU2(classFile, 8);
        int offset = 10;
        try {
            for (int index = 1; index < count; index++) {
                int tag = classFile[offset] & 0xFF;
                switch (tag) {
                    case 1: { // Utf8
                        int length = readU2(classFile, offset + 1);
                        found |= prefixesAt(classFile, offset + 3, length);
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
                        return EVERY_PREFIX; // a constant this code does not know: let the matchers decide
                }
            }
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return EVERY_PREFIX;
        }
        return found;
    }

    private long prefixesAt(byte[] classFile, int start, int length) {
        if (!emptyPrefix && (length == 0 || !firstBytes[classFile[start] & 0xFF])) {
            return 0L;
        }
        long found = 0L;
        for (int i = 0; i < prefixes.length; i++) {
            byte[] prefix = prefixes[i];
            if (prefix.length <= length && regionStartsWith(classFile, start, prefix)) {
                found |= 1L << i;
            }
        }
        return found;
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
