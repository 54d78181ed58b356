package io.warmgate.it.spring;

/** {@link ManagementPortBehaviour} on the WebFlux sample: the management port is a second Reactor Netty server. */
class WebFluxManagementPortIT extends ManagementPortBehaviour {

    WebFluxManagementPortIT() {
        super(SpringSamples.BOOT3_WEBFLUX, "spring-boot3-webflux-management-port");
    }
}
