package io.warmgate.it.warmup;

import io.warmgate.it.stacks.MicronautAnswers;
import io.warmgate.it.stacks.StackSample;
import io.warmgate.testkit.HttpResult;

/**
 * The synthetic warm-up on Micronaut 4 (see {@link StackWarmupBehaviour}): the first check of the management health
 * endpoint starts it, and the warm-up's requests reach the controller's cold business endpoint.
 */
class MicronautWarmupIT extends StackWarmupBehaviour {

    MicronautWarmupIT() {
        super(StackSample.MICRONAUT);
    }

    @Override
    protected void assertAppHealthy(HttpResult answer) {
        MicronautAnswers.assertManagementUp(answer);
    }
}
