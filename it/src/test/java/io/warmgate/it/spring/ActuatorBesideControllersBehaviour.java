package io.warmgate.it.spring;

import io.warmgate.it.ServletRampBehaviour;
import io.warmgate.it.support.RampTarget;
import io.warmgate.it.support.UngatedPath;
import io.warmgate.testkit.HttpResult;
import java.util.List;
import java.util.stream.Stream;

/**
 * The servlet ramp checks on a Spring sample whose own health controllers follow the servlet samples' contract,
 * with Actuator beside them: Actuator's answers are judged as Actuator's (JSON, {@code UP}), and its liveness
 * group is never gated.
 */
abstract class ActuatorBesideControllersBehaviour extends ServletRampBehaviour {

    private final String actuator;

    /** @param actuator Actuator's base path with a trailing slash, e.g. {@code /shop/actuator/} */
    ActuatorBesideControllersBehaviour(RampTarget target, String actuator) {
        super(target, 1.0);
        this.actuator = actuator;
    }

    @Override
    protected List<UngatedPath> ungatedPaths() {
        return Stream.concat(super.ungatedPaths().stream(),
                Stream.of(new UngatedPath(actuator + "health/liveness", ActuatorAnswers.UP_BODY_START))).toList();
    }

    @Override
    protected void assertAppHealthy(String path, HttpResult result) {
        if (path.startsWith(actuator)) {
            ActuatorAnswers.assertActuatorUp(result);
        } else {
            super.assertAppHealthy(path, result);
        }
    }
}
