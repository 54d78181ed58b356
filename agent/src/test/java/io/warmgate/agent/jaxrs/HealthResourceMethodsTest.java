package io.warmgate.agent.jaxrs;

import io.warmgate.agent.TestClassFiles;
import io.warmgate.agent.hook.ClassOutlineReader;
import io.warmgate.agent.spi.ClassOutline;
import io.warmgate.agent.spi.GuardedMethod;
import io.warmgate.core.HealthPathMatcher;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Selection of health resource methods, from the class outlines the agent reads at class load (ASM, annotations
 * by name, nothing loaded), with super types read through the test class loader as the agent reads them through
 * the application's.
 */
class HealthResourceMethodsTest {

    private static final HealthPathMatcher DEFAULT_RULES =
            new HealthPathMatcher(true, Collections.<String>emptyList(), Collections.<String>emptyList());

    @Test
    void classPathOnlyResourceMethodIsSelectedWithItsHandlerAndPath() {
        assertThat(selected(jakarta(DEFAULT_RULES), JakartaResources.HealthCheck.class))
                .extracting(GuardedMethod::toString)
                .containsExactly("jax-rs (jakarta) " + JakartaResources.HealthCheck.class.getName()
                        + "#check path /healthcheck");
    }

    @Test
    void eachMethodIsDecidedByItsOwnResolvedPath() {
        // /status is no health word; /{component}/health is; /health/{component} ends in a template;
        // the locator has no HTTP method.
        List<GuardedMethod> status = selected(jakarta(DEFAULT_RULES), JakartaResources.Status.class);
        assertThat(names(status)).containsExactlyInAnyOrder("ready", "componentHealth");
        assertThat(status).extracting(GuardedMethod::path)
                .containsExactlyInAnyOrder("/status/ready", "/status/{component}/health");
    }

    @Test
    void headMethodsAndSlashesAreHandledAndLivenessIsNeverAHealthCheck() {
        List<GuardedMethod> root = selected(jakarta(DEFAULT_RULES), JakartaResources.Root.class);
        assertThat(names(root)).containsExactly("headOnly");
        assertThat(root.get(0).path()).isEqualTo("/healthz");
    }

    @Test
    void businessResourcesAndNonRootClassesAreNotTouched() {
        HealthResourceMethods jakarta = jakarta(DEFAULT_RULES);

        assertThat(selected(jakarta, JakartaResources.Items.class)).isEmpty();
        assertThat(selected(jakarta, JakartaResources.NoClassPath.class)).isEmpty();
        assertThat(selected(jakarta, JakartaResources.HealthClient.class)).isEmpty();
    }

    @Test
    void annotationsAreInheritedFromInterfacesAndSuperclassesUnlessTheMethodHasItsOwn() {
        HealthResourceMethods jakarta = jakarta(DEFAULT_RULES);

        assertThat(selected(jakarta, JakartaResources.Probe.class)).extracting(GuardedMethod::toString)
                .singleElement().asString().endsWith("Probe#ready path /probe/ready");
        assertThat(selected(jakarta, JakartaResources.InheritedProbe.class)).extracting(GuardedMethod::toString)
                .singleElement().asString().endsWith("InheritedProbe#health path /inherited/health");
    }

    @Test
    void configuredPathsAndExcludesDecideLikeTheGate() {
        HealthResourceMethods configured = jakarta(
                new HealthPathMatcher(true, Arrays.asList("/status"), Arrays.asList("/status/ready")));

        assertThat(names(selected(configured, JakartaResources.Status.class)))
                .containsExactlyInAnyOrder("status", "componentHealth");
    }

    @Test
    void withDetectionOffOnlyConfiguredPathsCount() {
        HealthResourceMethods explicitOnly = jakarta(
                new HealthPathMatcher(false, Arrays.asList("/healthcheck"), Collections.<String>emptyList()));

        assertThat(names(selected(explicitOnly, JakartaResources.HealthCheck.class))).containsExactly("check");
        assertThat(selected(explicitOnly, JakartaResources.Status.class)).isEmpty();
    }

    @Test
    void eachNamespaceMatchesOnlyItsOwnAnnotations() {
        HealthResourceMethods javax = new HealthResourceMethods("jax-rs (javax)", "javax", "hooks", DEFAULT_RULES);

        assertThat(selected(javax, JavaxResources.Health.class)).extracting(GuardedMethod::toString)
                .containsExactly("jax-rs (javax) " + JavaxResources.Health.class.getName() + "#check path /health");
        assertThat(selected(jakarta(DEFAULT_RULES), JavaxResources.Health.class)).isEmpty();
        assertThat(selected(javax, JakartaResources.HealthCheck.class)).isEmpty();
        assertThat(new JaxRsModule().screens()).extracting(screen -> screen.markerClass())
                .contains("javax.ws.rs.Path", "jakarta.ws.rs.Path");
    }

    @Test
    void theGuardIsTheNamespacesHooksAndGetsTheHandlerName() {
        JaxRsOutlineWeaver weaver = new JaxRsOutlineWeaver(new io.warmgate.agent.spi.WeaverContext(DEFAULT_RULES));

        assertThat(weaver.guards()).extracting(guard -> guard.hooksClassName()).containsExactly(
                "io.warmgate.agent.jaxrs.JavaxResourceHooks", "io.warmgate.agent.jaxrs.JakartaResourceHooks");
        assertThat(weaver.detections()).isEmpty();
    }

    @Test
    void librariesArePassedOverByNameBeforeTheirMethodsAreRead() {
        // The same resource in a JAX-RS runtime's package: never the application's handler.
        ClassOutline resource = ClassOutlineReader.read(TestClassFiles.of(JakartaResources.HealthCheck.class));
        ClassOutline renamed = new ClassOutline("org.glassfish.jersey.server.HealthCheck", resource.superName(),
                resource.interfaces(), 0, resource.annotations(), resource.methods());
        ClassLoader loader = getClass().getClassLoader();
        assertThat(jakarta(DEFAULT_RULES).select(resource, ClassOutlineReader.through(loader))).hasSize(1);
        assertThat(jakarta(DEFAULT_RULES).select(renamed, ClassOutlineReader.through(loader))).isEmpty();
    }

    private static HealthResourceMethods jakarta(HealthPathMatcher rules) {
        return new HealthResourceMethods("jax-rs (jakarta)", "jakarta", "hooks", rules);
    }

    /** What the agent's weaver would guard in {@code type}, read from its class file. */
    private static List<GuardedMethod> selected(HealthResourceMethods guard, Class<?> type) {
        return guard.select(ClassOutlineReader.read(TestClassFiles.of(type)),
                ClassOutlineReader.through(HealthResourceMethodsTest.class.getClassLoader()));
    }

    private static List<String> names(List<GuardedMethod> methods) {
        return methods.stream().map(GuardedMethod::methodName).toList();
    }
}
