package io.warmgate.agent.jaxrs;

import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import io.warmgate.agent.testing.Woven;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.HealthPathMatcher;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection of health resource methods. Classes are described from their class files through a lazy, fast
 * type pool, as the agent does at class load (POOL_FIRST, FAST), so annotations are read by name and nothing
 * is loaded that the agent would not load.
 */
class HealthResourceMethodsTest {

    private static final HealthPathMatcher DEFAULT_RULES =
            new HealthPathMatcher(true, Collections.<String>emptyList(), Collections.<String>emptyList());

    private final TypePool pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(),
            ClassFileLocator.ForClassLoader.of(getClass().getClassLoader()), TypePool.Default.ReaderMode.FAST);
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(logBytes, true));

    @Test
    void classPathOnlyResourceMethodIsFoundAndLogged() {
        ResourceWeaving jakarta = jakarta(DEFAULT_RULES);

        assertThat(jakarta.types().matches(describe(JakartaResources.HealthCheck.class))).isTrue();
        assertThat(matchedMethods(jakarta, JakartaResources.HealthCheck.class)).containsExactly("check");
        assertThat(logLines()).containsExactly("[warmgate] health handler found: jax-rs (jakarta) "
                + JakartaResources.HealthCheck.class.getName() + "#check path /healthcheck");
    }

    @Test
    void eachMethodIsDecidedByItsOwnResolvedPath() {
        ResourceWeaving jakarta = jakarta(DEFAULT_RULES);

        // /status is no health word; /{component}/health is; /health/{component} ends in a template;
        // the locator has no HTTP method.
        assertThat(matchedMethods(jakarta, JakartaResources.Status.class))
                .containsExactlyInAnyOrder("ready", "componentHealth");
        assertThat(logText()).contains("#ready path /status/ready", "#componentHealth path /status/{component}/health");
    }

    @Test
    void headMethodsAndSlashesAreHandledAndLivenessIsNeverAHealthCheck() {
        ResourceWeaving jakarta = jakarta(DEFAULT_RULES);

        assertThat(matchedMethods(jakarta, JakartaResources.Root.class)).containsExactly("headOnly");
        assertThat(logText()).contains("#headOnly path /healthz").doesNotContain("liveness");
    }

    @Test
    void businessResourcesAndNonRootClassesAreNotTouched() {
        ResourceWeaving jakarta = jakarta(DEFAULT_RULES);

        assertThat(jakarta.types().matches(describe(JakartaResources.Items.class))).isFalse();
        assertThat(jakarta.types().matches(describe(JakartaResources.NoClassPath.class))).isFalse();
        assertThat(jakarta.types().matches(describe(JakartaResources.HealthClient.class))).isFalse();
        assertThat(logText()).isEmpty();
    }

    @Test
    void annotationsAreInheritedFromInterfacesAndSuperclassesUnlessTheMethodHasItsOwn() {
        ResourceWeaving jakarta = jakarta(DEFAULT_RULES);

        assertThat(matchedMethods(jakarta, JakartaResources.Probe.class)).containsExactly("ready");
        assertThat(matchedMethods(jakarta, JakartaResources.InheritedProbe.class)).containsExactly("health");
        assertThat(logText()).contains("Probe#ready path /probe/ready", "InheritedProbe#health path /inherited/health");
    }

    @Test
    void configuredPathsAndExcludesDecideLikeTheGate() {
        ResourceWeaving configured = jakarta(
                new HealthPathMatcher(true, Arrays.asList("/status"), Arrays.asList("/status/ready")));

        assertThat(matchedMethods(configured, JakartaResources.Status.class))
                .containsExactlyInAnyOrder("status", "componentHealth");
    }

    @Test
    void withDetectionOffOnlyConfiguredPathsCount() {
        ResourceWeaving explicitOnly = jakarta(
                new HealthPathMatcher(false, Arrays.asList("/healthcheck"), Collections.<String>emptyList()));

        assertThat(matchedMethods(explicitOnly, JakartaResources.HealthCheck.class)).containsExactly("check");
        assertThat(explicitOnly.types().matches(describe(JakartaResources.Status.class))).isFalse();
    }

    @Test
    void eachNamespaceMatchesOnlyItsOwnAnnotations() {
        HandlerLog handlers = new HandlerLog(log);
        ResourceWeaving javax = new ResourceWeaving(DEFAULT_RULES, "javax", handlers);
        ResourceWeaving jakarta = new ResourceWeaving(DEFAULT_RULES, "jakarta", handlers);

        assertThat(javax.types().matches(describe(JavaxResources.Health.class))).isTrue();
        assertThat(jakarta.types().matches(describe(JavaxResources.Health.class))).isFalse();
        assertThat(javax.types().matches(describe(JakartaResources.HealthCheck.class))).isFalse();
        assertThat(new JaxRsModule().screens()).extracting(screen -> screen.markerClass())
                .contains("javax.ws.rs.Path", "jakarta.ws.rs.Path");
        assertThat(logText()).contains("health handler found: jax-rs (javax) " + JavaxResources.Health.class.getName()
                + "#check path /health");
    }

    @Test
    void aMethodSeenTwiceIsLoggedOnce() {
        ResourceWeaving jakarta = jakarta(DEFAULT_RULES);

        jakarta.types().matches(describe(JakartaResources.HealthCheck.class));
        matchedMethods(jakarta, JakartaResources.HealthCheck.class);
        matchedMethods(jakarta, JakartaResources.HealthCheck.class);

        assertThat(logLines()).hasSize(1);
    }

    private ResourceWeaving jakarta(HealthPathMatcher rules) {
        return new ResourceWeaving(rules, "jakarta", new HandlerLog(log));
    }

    /**
     * One namespace's resource weaving, with its detections reported as the engine reports them: each time a
     * type is offered (so twice-offered types show that the log line still appears once).
     */
    private static final class ResourceWeaving {
        private final Weaving weaving;
        private final JaxRsWeaver weaver;
        private final HandlerLog handlers;

        ResourceWeaving(HealthPathMatcher rules, String namespace, HandlerLog handlers) {
            this.weaver = new JaxRsWeaver(new WeaverContext(rules));
            this.weaving = Woven.gate(weaver, "jax-rs (" + namespace + ")");
            this.handlers = handlers;
        }

        ElementMatcher<TypeDescription> types() {
            return type -> {
                if (weaving.types().matches(type)) {
                    for (Detection detection : weaver.detections()) {
                        detection.find(type).stream().filter(found -> found.handler().startsWith(weaving.label()))
                                .forEach(found -> handlers.found(found.handler(), found.path(), found.note()));
                    }
                    return true;
                }
                return false;
            };
        }

        ElementMatcher<? super MethodDescription> methods() {
            return weaving.methods();
        }
    }

    private TypeDescription describe(Class<?> type) {
        return pool.describe(type.getName()).resolve();
    }

    /** The methods the advice goes on, after offering the type as the engine does (which reports detections). */
    private List<String> matchedMethods(ResourceWeaving instrumentation, Class<?> type) {
        instrumentation.types().matches(describe(type));
        List<String> names = new ArrayList<String>();
        for (MethodDescription method : describe(type).getDeclaredMethods()) {
            if (instrumentation.methods().matches(method)) {
                names.add(method.getName());
            }
        }
        return names;
    }

    private String logText() {
        return new String(logBytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private List<String> logLines() {
        String text = logText().trim();
        return text.isEmpty() ? Collections.<String>emptyList() : Arrays.asList(text.split("\\R"));
    }
}
