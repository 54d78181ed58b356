package io.warmgate.samples.undertow;

import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import io.warmgate.samples.common.SampleBackend;
import io.warmgate.samples.common.SampleEndpoints;
import io.warmgate.samples.common.SampleResponse;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;

/**
 * The same endpoints as jakarta servlets in an undertow-servlet deployment at the root context, behind a filter on
 * every path that only passes requests on ({@link EncodingFilter}), as WildFly or Spring Boot with Undertow run a
 * service: Undertow's core hands each request to its servlet support, which runs the filter and the servlet on a
 * worker thread.
 */
final class ServletMode {

    private ServletMode() {
    }

    static DeploymentManager deploy(SampleBackend backend) {
        DeploymentInfo deployment = Servlets.deployment()
                .setClassLoader(ServletMode.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("sample-undertow")
                .addFilter(Servlets.filter("encoding", EncodingFilter.class,
                        new ImmediateInstanceFactory<>(new EncodingFilter())))
                .addFilterUrlMapping("encoding", "/*", DispatcherType.REQUEST)
                .addServlets(
                        servlet(SampleEndpoints.HEALTH, request -> SampleResponse.HEALTHY),
                        servlet(SampleEndpoints.SICK_HEALTH, request -> SampleResponse.UNHEALTHY),
                        servlet(CoreHandlers.DISPATCHED_HEALTH, request -> SampleResponse.HEALTHY),
                        servlet(SampleEndpoints.LIVENESS, request -> SampleResponse.ALIVE),
                        servlet(SampleEndpoints.STATUS, request -> SampleResponse.STATUS_OK),
                        servlet(SampleEndpoints.ITEMS, request -> backend.items(
                                request.getParameter(SampleEndpoints.ITEM_ID_PARAMETER),
                                request.getHeader(SampleEndpoints.WARMUP_HEADER) != null)),
                        servlet(SampleEndpoints.STATS, request -> backend.stats()));
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();
        return manager;
    }

    private static ServletInfo servlet(String path, Function<HttpServletRequest, SampleResponse> answer) {
        return Servlets.servlet("servlet " + path, AnswerServlet.class,
                new ImmediateInstanceFactory<>(new AnswerServlet(answer))).addMapping(path);
    }
}
