package io.warmgate.agent;

import io.warmgate.agent.servlet.ServletInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassFileScreenTest {

    /** A servlet that overrides the advised method, as Jersey's container does. */
    static class OverridingServlet extends HttpServlet {
        @Override
        public void service(ServletRequest request, ServletResponse response) {
        }
    }

    /** Extends HttpServlet but declares no service method: the advice on HttpServlet itself covers it. */
    static class PlainServlet extends HttpServlet {
    }

    private final ClassFileScreen servletScreen = ClassFileScreen.of(List.of(
            ServletInstrumentation.javax(), ServletInstrumentation.jakarta()));

    @Test
    void letsThroughClassesThatDeclareTheAdvisedMethod() throws IOException {
        assertThat(servletScreen.mayMatch(classFile(OverridingServlet.class))).isTrue();
        assertThat(servletScreen.mayMatch(classFile(HttpServlet.class))).isTrue();
    }

    @Test
    void rulesOutClassesWithoutAnyHint() throws IOException {
        assertThat(servletScreen.mayMatch(classFile(PlainServlet.class))).isFalse();
        assertThat(servletScreen.mayMatch(classFile(String.class))).isFalse();
        assertThat(servletScreen.mayMatch(classFile(ClassFileScreenTest.class))).isFalse();
    }

    @Test
    void matchesHintsAsPrefixesOfConstants() throws IOException {
        ClassFileScreen byName = ClassFileScreen.of(List.of(hinted(Arrays.asList("java/util/concurrent/"))));
        assertThat(byName.mayMatch(classFile(java.util.concurrent.ConcurrentHashMap.class))).isTrue();
        assertThat(byName.mayMatch(classFile(Integer.class))).isFalse();
    }

    @Test
    void saysMaybeWhenItCannotTell() throws IOException {
        byte[] servlet = classFile(PlainServlet.class);
        assertThat(servletScreen.mayMatch(Arrays.copyOf(servlet, servlet.length / 3))).as("truncated").isTrue();
        byte[] unknownTag = servlet.clone();
        unknownTag[10] = (byte) 99; // the first constant's tag
        assertThat(servletScreen.mayMatch(unknownTag)).as("unknown constant tag").isTrue();
        assertThat(servletScreen.mayMatch(null)).isTrue();
    }

    @Test
    void aFrameworkWithoutHintsTurnsScreeningOff() throws IOException {
        ClassFileScreen screen = ClassFileScreen.of(List.of(ServletInstrumentation.javax(), hinted(null)));
        assertThat(screen.screensAnything()).isFalse();
        assertThat(screen.mayMatch(classFile(String.class))).isTrue();
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static HandlerInstrumentation hinted(List<String> hints) {
        return new HandlerInstrumentation() {
            @Override
            public String framework() {
                return "test";
            }

            @Override
            public String markerClass() {
                return "java.lang.Object";
            }

            @Override
            public ElementMatcher<TypeDescription> types() {
                return net.bytebuddy.matcher.ElementMatchers.none();
            }

            @Override
            public List<String> classFileHints() {
                return hints;
            }

            @Override
            public ElementMatcher<MethodDescription> methods() {
                return net.bytebuddy.matcher.ElementMatchers.none();
            }

            @Override
            public Class<?> advice() {
                return Object.class;
            }
        };
    }
}
