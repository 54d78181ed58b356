package io.warmgate.agent.jaxrs;

import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.testing.ScriptedGatekeeper;
import io.warmgate.agent.testing.AsmWoven;
import io.warmgate.bridge.CapturedRequest;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HealthPathMatcher;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The resource guard, woven for real (a copy of a fixture class rewritten with the selection and hooks the agent
 * uses, then verified and loaded by the JVM) and run against a scripted gatekeeper. javax is run with Jersey 2's runtime on the test
 * class path; the jakarta advice has no runtime here, which shows what happens when a denial cannot be built.
 */
class ResourceAdviceTest {

    private static final HealthPathMatcher RULES =
            new HealthPathMatcher(true, Collections.<String>emptyList(), Collections.<String>emptyList());

    private ScriptedGatekeeper gatekeeper;

    @BeforeEach
    void setUp() {
        gatekeeper = ScriptedGatekeeper.installed();
        JavaxResources.CALLS.set(0);
        CapturedRequest.clear();
    }

    @AfterEach
    void tearDown() {
        CapturedRequest.clear();
    }

    @Test
    void requestsNoContainerCapturedAreLeftToTheServletGate() throws Exception {
        Object response = invoke(instrumentedJavax(JavaxResources.Health.class), "check");

        assertThat(((Response) response).getStatus()).isEqualTo(200);
        assertThat(JavaxResources.CALLS).hasValue(1);
        assertThat(gatekeeper.checks).isEmpty();
    }

    @Test
    void anAllowedPeerGetsTheMethodsOwnResponse() throws Exception {
        CapturedRequest.capture(healthCheck("/svc/health", "127.0.0.7", null, null, "grizzly"));

        Response response = (Response) invoke(instrumentedJavax(JavaxResources.Health.class), "check");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntity()).isEqualTo("UP\n");
        assertThat(response.getHeaderString("X-Sample-Health")).isEqualTo("app");
        assertThat(response.getHeaderString("X-Warmgate")).isNull();
        assertThat(JavaxResources.CALLS).hasValue(1);
        assertThat(gatekeeper.checks).containsExactly(new ScriptedGatekeeper.Check("/svc/health", "127.0.0.7", 8080, null, null,
                "jax-rs (javax) " + JavaxResources.Health.class.getName() + "#check on grizzly"));
        assertThat(CapturedRequest.take()).as("the capture is used up").isNull();
    }

    @Test
    void aDeniedPeerGetsA503WithoutTheMethodRunning() throws Exception {
        gatekeeper.denial = new Denial("phase=ramping; percent=12.5; bucket=54", "warmgate: not yet\n");
        CapturedRequest.capture(healthCheck("/health", "10.0.0.9", null, null, "jdk-http"));

        Throwable thrown = catchThrowable(() -> invoke(instrumentedJavax(JavaxResources.Health.class), "check"));

        assertThat(thrown).isInstanceOf(InvocationTargetException.class);
        Response denial = ((WebApplicationException) thrown.getCause()).getResponse();
        assertThat(denial.getStatus()).isEqualTo(503);
        assertThat(denial.getHeaderString("X-Warmgate")).isEqualTo("phase=ramping; percent=12.5; bucket=54");
        assertThat(denial.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(denial.getMediaType().toString()).startsWith("text/plain");
        assertThat(denial.getEntity()).isEqualTo("warmgate: not yet\n");
        assertThat(JavaxResources.CALLS).as("the resource method must not run").hasValue(0);
    }

    @Test
    void aDenialWorksWhateverTheMethodReturns() throws Exception {
        gatekeeper.denial = new Denial("phase=ramping; percent=1.0; bucket=99", "warmgate: not yet\n");
        CapturedRequest.capture(healthCheck("/status/ready", "10.0.0.9", null, null, "grizzly"));

        Throwable thrown = catchThrowable(() -> invoke(instrumentedJavax(JavaxResources.Status.class), "ready"));

        assertThat(thrown.getCause()).isInstanceOf(WebApplicationException.class);
        assertThat(((WebApplicationException) thrown.getCause()).getResponse().getStatus()).isEqualTo(503);
        assertThat(JavaxResources.CALLS).hasValue(0);
    }

    @Test
    void everythingTheContainerCapturedIsPassedOn() throws Exception {
        CapturedRequest.capture(healthCheck("/status/ready", "10.0.0.1", "192.0.2.7, 10.1.1.1", "warm", "grizzly"));

        assertThat(invoke(instrumentedJavax(JavaxResources.Status.class), "ready")).isEqualTo("READY\n");
        assertThat(gatekeeper.checks).singleElement()
                .satisfies(check -> {
                    assertThat(check.headerValue()).isEqualTo("192.0.2.7, 10.1.1.1");
                    assertThat(check.warmupMarker()).isEqualTo("warm");
                    assertThat(check.localPort()).isEqualTo(8080);
                });
    }

    @Test
    void aDenialThatCannotBeBuiltLetsTheMethodRun() throws Exception {
        // No jakarta.ws.rs runtime on this class path: Response.status(...) fails inside the advice.
        gatekeeper.denial = new Denial("phase=ramping; percent=1.0; bucket=99", "warmgate: not yet\n");
        CapturedRequest.capture(healthCheck("/healthcheck", "10.0.0.9", null, null, "grizzly"));
        Class<?> resource = AsmWoven.guardedCopy(JakartaResources.HealthCheck.class, weaver());

        Object answer = invoke(resource, "check");

        assertThat(answer).as("the fixture's own (null) response").isNull();
        assertThat(gatekeeper.checks).singleElement().satisfies(check -> assertThat(check.handler())
                .isEqualTo("jax-rs (jakarta) " + JakartaResources.HealthCheck.class.getName() + "#check on grizzly"));
        assertThat(gatekeeper.failures).singleElement().asString().startsWith("jax-rs advice");
    }

    private static Class<?> instrumentedJavax(Class<?> fixture) {
        return AsmWoven.guardedCopy(fixture, weaver());
    }

    private static JaxRsOutlineWeaver weaver() {
        return new JaxRsOutlineWeaver(new WeaverContext(RULES));
    }

    /** A health check as a container advice captures it (the handler is named later, by the resource advice). */
    private static HealthRequest healthCheck(String path, String remote, String peerHeader, String warmupMarker,
                                             String container) {
        return new HealthRequest(path, remote, "127.0.0.1", 8080, peerHeader, warmupMarker, null, null, null, null,
                container);
    }

    private static Object invoke(Class<?> resource, String methodName) throws Exception {
        Object instance = resource.getDeclaredConstructor().newInstance();
        Method method = resource.getMethod(methodName);
        return method.invoke(instance);
    }
}
