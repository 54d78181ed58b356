package io.warmgate.agent.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warmgate.agent.TestClassFiles;
import io.warmgate.agent.spi.EntryHook;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * The entry-hook weaving, run for real: classes of the hard shapes ({@link Greeters}) are woven with
 * {@link RecordingHooks}, defined in a fresh loader (so the JVM verifies them) and called. Each must do exactly
 * what it does unwoven, with the hooks around it.
 */
class EntryHookRewriterTest {

    private static final EntryHook GREET = new EntryHook("greeter", "java.lang.Object", "greet",
            "(Ljava/util/List;)V", RecordingHooks.class.getName());

    @Test
    void aMethodWhoseFirstInstructionIsAJumpTargetRunsBetweenTheHooks() throws Exception {
        assertThat(greet(Greeters.LoopAtStart.class, woven(Greeters.LoopAtStart.class)))
                .containsExactly("enter", "loop", "loop", "loop", "exit state=42 thrown=none");
    }

    @Test
    void theMethodsOwnHandlersKeepPrecedenceOverTheHooks() throws Exception {
        assertThat(greet(Greeters.CatchesItsOwn.class, woven(Greeters.CatchesItsOwn.class)))
                .containsExactly("enter", "caught own", "exit state=42 thrown=none");
    }

    @Test
    void anEscapingExceptionReachesTheExitHookAndTheCallerUnchanged() {
        List<String> out = new ArrayList<>(List.of("x"));
        assertThatThrownBy(() -> greet(Greeters.Throws.class, woven(Greeters.Throws.class), out))
                .isInstanceOf(IllegalStateException.class).hasMessage("escaped");
        assertThat(out).containsExactly("x", "enter", "exit state=42 thrown=escaped");
    }

    @Test
    void framesWithLongsAndDoublesAndAReassignedParameterStayValid() throws Exception {
        assertThat(greet(Greeters.WideLocals.class, woven(Greeters.WideLocals.class)))
                .containsExactly("enter", "wide 1 0.5", "exit state=42 thrown=none");
        // The exit hook sees the parameter as the method left it (here another list), as inlined advice did.
        assertThat(greet(Greeters.ReassignsParameter.class, woven(Greeters.ReassignsParameter.class)))
                .containsExactly("enter", "body saw 1");
    }

    @Test
    void skipReturnsAtOnceWithoutTheBodyOrTheExitHook() throws Exception {
        List<String> out = new ArrayList<>(List.of("skip"));
        greet(Greeters.LoopAtStart.class, woven(Greeters.LoopAtStart.class), out);
        assertThat(out).containsExactly("skip", "enter");
    }

    @Test
    void hooksThatThrowAreSwallowedAndTheMethodRunsAsWithoutThem() throws Exception {
        List<String> enterFails = new ArrayList<>(List.of("enter fails"));
        greet(Greeters.LoopAtStart.class, woven(Greeters.LoopAtStart.class), enterFails);
        assertThat(enterFails).containsExactly("enter fails", "enter", "loop", "loop", "exit state=0 thrown=none");

        List<String> exitFails = new ArrayList<>(List.of("exit fails"));
        greet(Greeters.CatchesItsOwn.class, woven(Greeters.CatchesItsOwn.class), exitFails);
        assertThat(exitFails).containsExactly("exit fails", "enter", "caught own", "exit state=42 thrown=none");
    }

    @Test
    void aClassFileOlderThanStackMapFramesIsWovenWithoutThem() throws Exception {
        byte[] java5 = withVersion(TestClassFiles.of(Greeters.LoopAtStart.class), Opcodes.V1_5);
        byte[] woven = EntryHookRewriter.rewrite(java5, EntryHookRewriter.hookedMethods(java5, hooks()));
        assertThat(new ClassReader(woven).readUnsignedShort(6)).isEqualTo(Opcodes.V1_5);
        assertThat(greet(Greeters.LoopAtStart.class, woven))
                .containsExactly("enter", "loop", "loop", "loop", "exit state=42 thrown=none");
    }

    @Test
    void aMethodThatWritesAParameterWithAnotherKindOfValueIsRefused() {
        byte[] odd = classStoringAnIntIntoTheListParameter();
        assertThatThrownBy(() -> EntryHookRewriter.rewrite(odd, EntryHookRewriter.hookedMethods(odd, hooks())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("writes local slot 1");
    }

    @Test
    void hooksThatNameTheirOwnClassAreRefused() {
        EntryHook selfish = new EntryHook("selfish", "java.lang.Object", "greet", "(Ljava/util/List;)V",
                SelfReferringHooks.class.getName());
        byte[] target = TestClassFiles.of(Greeters.LoopAtStart.class);
        List<EntryHookRewriter.Hook> hooks = List.of(new EntryHookRewriter.Hook(selfish,
                TestClassFiles.of(SelfReferringHooks.class)));
        assertThatThrownBy(() -> EntryHookRewriter.rewrite(target, EntryHookRewriter.hookedMethods(target, hooks)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refers to its own class");
    }

    @Test
    void onlyConcreteInstanceMethodsOfClassesAreHooked() {
        assertThat(EntryHookRewriter.hookedMethods(TestClassFiles.of(Greeters.Throws.class), hooks())).hasSize(1);
        assertThat(EntryHookRewriter.hookedMethods(TestClassFiles.of(Greeting.class), hooks())).isEmpty();
    }

    @Test
    void superTypesAreFoundThroughTheLoadersClassFilesWithoutLoadingThem() {
        ClassLoader loader = getClass().getClassLoader();
        byte[] servlet = TestClassFiles.of("io.warmgate.agent.robustness.AnsweringServlet");
        assertThat(SuperTypes.has(servlet, loader, "javax/servlet/Servlet")).isTrue();
        assertThat(SuperTypes.has(servlet, loader, "javax/servlet/Filter")).isFalse();
        assertThat(SuperTypes.has(TestClassFiles.of(Greeters.Throws.class), loader, "javax/servlet/Servlet"))
                .isFalse();
    }

    @Test
    void anAncestorWhoseClassFileIsHiddenMakesTheAnswerUnknownNotNo() {
        ClassLoader hiding = new ClassLoader(null) { }; // sees the JDK's class files only
        byte[] servlet = TestClassFiles.of("io.warmgate.agent.robustness.AnsweringServlet");
        assertThatThrownBy(() -> SuperTypes.has(servlet, hiding, "javax/servlet/Servlet"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the class file of javax.servlet.");
    }

    /** An interface declaring the method: nothing to hook. */
    interface Greeting {
        void greet(List<String> out);
    }

    /** Breaks the hooks' rule: its enter calls a method of its own class, which a woven class cannot see. */
    public static final class SelfReferringHooks {
        public static long enter(Object self, List<String> out) {
            return helper();
        }

        public static void exit(Throwable thrown, Object self, List<String> out, long state) {
        }

        static long helper() {
            return 1L;
        }
    }

    private static List<EntryHookRewriter.Hook> hooks() {
        return List.of(new EntryHookRewriter.Hook(GREET, TestClassFiles.of(RecordingHooks.class)));
    }

    private static byte[] woven(Class<?> type) {
        byte[] classFile = TestClassFiles.of(type.getName());
        Map<String, EntryHookRewriter.Hook> methods = EntryHookRewriter.hookedMethods(classFile, hooks());
        assertThat(methods).hasSize(1);
        return EntryHookRewriter.rewrite(classFile, methods);
    }

    private static List<String> greet(Class<?> type, byte[] woven) throws Exception {
        List<String> out = new ArrayList<>();
        greet(type, woven, out);
        return out;
    }

    /** Defines {@code woven} in a loader of its own, so that the JVM verifies it, and calls its greet. */
    private static void greet(Class<?> type, byte[] woven, List<String> out) throws Exception {
        Class<?> loaded = new Defining(type.getName(), woven).loadClass(type.getName());
        Object greeter = loaded.getDeclaredConstructor().newInstance();
        try {
            loaded.getMethod("greet", List.class).invoke(greeter, out);
        } catch (InvocationTargetException thrown) {
            throw (Exception) thrown.getCause();
        }
    }

    private static byte[] withVersion(byte[] classFile, int version) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int ignored, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(version, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** {@code class Odd { public void greet(List out) { out = 0 (an int); } }}, which javac would never write. */
    private static byte[] classStoringAnIntIntoTheListParameter() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, "io/warmgate/agent/hook/Odd", null, "java/lang/Object", null);
        MethodVisitor greet = writer.visitMethod(Opcodes.ACC_PUBLIC, "greet", "(Ljava/util/List;)V", null, null);
        greet.visitCode();
        greet.visitInsn(Opcodes.ICONST_0);
        greet.visitVarInsn(Opcodes.ISTORE, 1);
        greet.visitInsn(Opcodes.RETURN);
        greet.visitMaxs(1, 2);
        greet.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Defines one class from given bytes, child first; everything else from the test's loader. */
    private static final class Defining extends ClassLoader {
        private final String name;
        private final byte[] classFile;

        Defining(String name, byte[] classFile) {
            super(EntryHookRewriterTest.class.getClassLoader());
            this.name = name;
            this.classFile = classFile;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
                Class<?> loaded = findLoadedClass(className);
                return loaded != null ? loaded : defineClass(className, classFile, 0, classFile.length);
            }
        }
    }
}
