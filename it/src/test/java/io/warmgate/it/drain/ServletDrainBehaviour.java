package io.warmgate.it.drain;

import io.warmgate.it.support.RampTarget;
import io.warmgate.testkit.SampleProcess;

/**
 * {@link DrainOnSigtermBehaviour} for the samples that follow the servlet samples' endpoint contract
 * ({@code /health}, {@code /api/items}): the servlet samples and the JAX-RS samples. Subclasses name the sample.
 */
abstract class ServletDrainBehaviour extends DrainOnSigtermBehaviour {

    private final RampTarget target;

    ServletDrainBehaviour(RampTarget target) {
        this.target = target;
    }

    @Override
    protected SampleProcess start(String agentArgs) {
        return target.startWithAgent(target.label() + "-drain", agentArgs);
    }

    @Override
    protected String healthPath() {
        return target.path("/health");
    }

    @Override
    protected String businessPath() {
        return target.path("/api/items");
    }
}
