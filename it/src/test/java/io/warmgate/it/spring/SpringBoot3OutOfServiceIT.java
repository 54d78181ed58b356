package io.warmgate.it.spring;

import java.util.Map;

/** OUT_OF_SERVICE stays OUT_OF_SERVICE (a 503 from Actuator) on the default health paths. */
class SpringBoot3OutOfServiceIT extends UnhealthyActuatorBehaviour {

    @Override
    String label() {
        return "spring-boot3-out-of-service";
    }

    @Override
    String healthSetting() {
        return "out-of-service";
    }

    @Override
    String actuatorStatus() {
        return "OUT_OF_SERVICE";
    }

    @Override
    String healthPath() {
        return "/actuator/health";
    }

    @Override
    String extraAgentArgs() {
        return "";
    }

    @Override
    Map<String, String> springProperties() {
        return Map.of();
    }
}
