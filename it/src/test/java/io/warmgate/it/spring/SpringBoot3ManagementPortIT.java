package io.warmgate.it.spring;

/** {@link ManagementPortBehaviour} on the servlet sample: the management port is a second embedded Tomcat. */
class SpringBoot3ManagementPortIT extends ManagementPortBehaviour {

    SpringBoot3ManagementPortIT() {
        super(SpringSamples.BOOT3, "spring-boot3-management-port");
    }
}
