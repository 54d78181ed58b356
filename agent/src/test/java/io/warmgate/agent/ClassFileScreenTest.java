package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warmgate.agent.jaxrs.JaxRsModule;
import io.warmgate.agent.servlet.ServletModule;
import io.warmgate.agent.spring.SpringModule;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import org.junit.jupiter.api.Test;

/** The constant-pool screen and the index of every module's screens, on real class files. */
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

    private final ScreenIndex modules = new ScreenIndex(List.of(new ServletModule(), new JaxRsModule(),
            new SpringModule()));

    @Test
    void letsThroughClassesThatDeclareTheAdvisedMethod() {
        assertThat(candidates(OverridingServlet.class)).containsExactly("servlet javax.servlet.Servlet");
        assertThat(candidates(HttpServlet.class)).containsExactly("servlet javax.servlet.Servlet");
    }

    @Test
    void rulesOutClassesWithoutAnyHint() {
        assertThat(candidates(PlainServlet.class)).isEmpty();
        assertThat(candidates(String.class)).isEmpty();
        assertThat(candidates(ClassFileScreenTest.class)).isEmpty();
    }

    @Test
    void containersPassByTheirExactName() {
        assertThat(modules.candidates("org/glassfish/jersey/grizzly2/httpserver/GrizzlyHttpContainer", null))
                .extracting(entry -> entry.module.name()).contains("jax-rs");
    }

    @Test
    void reportsWhichPrefixesMatched() {
        ClassFileScreen screen = new ClassFileScreen(List.of("java/util/concurrent/", "no/such/prefix/",
                "Ljava/lang/Integer;"));
        assertThat(screen.matches(TestClassFiles.of(java.util.concurrent.ConcurrentHashMap.class))).isEqualTo(0b001L);
        assertThat(screen.matches(TestClassFiles.of(Integer.class))).isEqualTo(0b100L);
        assertThat(screen.matches(TestClassFiles.of(Object.class))).isZero();
    }

    @Test
    void prefixesSharingAFirstByteAndAnEmptyPrefixAreStillFound() {
        ClassFileScreen sameStart = new ClassFileScreen(List.of("java/util/concurrent/", "java/lang/Integer"));
        assertThat(sameStart.matches(TestClassFiles.of(Integer.class))).isEqualTo(0b10L);
        assertThat(new ClassFileScreen(List.of("zzz/", "")).matches(TestClassFiles.of(Object.class))).isEqualTo(0b10L);
    }

    @Test
    void saysMaybeWhenItCannotTell() {
        ClassFileScreen screen = new ClassFileScreen(List.of("a/", "b/"));
        byte[] servlet = TestClassFiles.of(PlainServlet.class);
        assertThat(screen.matches(Arrays.copyOf(servlet, servlet.length / 3))).as("truncated").isEqualTo(-1L);
        byte[] unknownTag = servlet.clone();
        unknownTag[10] = (byte) 99; // the first constant's tag
        assertThat(screen.matches(unknownTag)).as("unknown constant tag").isEqualTo(-1L);
        assertThat(screen.matches(null)).isEqualTo(-1L);
        assertThat(new ClassFileScreen(Collections.emptyList()).matches(null)).as("nothing to find").isZero();
    }

    @Test
    void refusesMorePrefixesThanItCanReport() {
        List<String> many = IntStream.range(0, 65).mapToObj(i -> "p" + i).toList();
        assertThatThrownBy(() -> new ClassFileScreen(many)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> candidates(Class<?> type) {
        return modules.candidates(type.getName().replace('.', '/'), TestClassFiles.of(type)).stream()
                .map(entry -> entry.module.name() + " " + entry.screen.markerClass()).toList();
    }
}
