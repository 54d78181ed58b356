package io.warmgate.it.stacks;

import java.util.List;

/**
 * Health checks answered by servlet filters on Jetty 9 (javax), with no servlet behind them: the ramp, liveness
 * and business untouched, an unhealthy filter's answer untouched, the filters named as the handlers, and a health
 * servlet behind a pass-through filter decided once.
 */
class FilterJettyRampIT extends StackRampBehaviour {

    FilterJettyRampIT() {
        super(StackSample.FILTER_JETTY, 1.0);
    }

    @Override
    protected List<String> expectedHandlers() {
        return List.of("filter io.warmgate.samples.filter.HealthFilter path /health",
                "filter io.warmgate.samples.filter.HealthFilter path /sick/health",
                "servlet io.warmgate.samples.filter.AnswerServlet path /ready");
    }
}
