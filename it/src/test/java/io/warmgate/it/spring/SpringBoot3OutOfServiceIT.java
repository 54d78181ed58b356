package io.warmgate.it.spring;

import java.util.Map;

/** OUT_OF_SERVICE stays OUT_OF_SERVICE (a 503 from Actuator) on the default health paths. */
class SpringBoot3OutOfServiceIT extends UnhealthyActuatorBehaviour {

    SpringBoot3OutOfServiceIT() {
        super("spring-boot3-out-of-service", Unhealthy.OUT_OF_SERVICE, "/actuator/health", "", Map.of());
    }
}
