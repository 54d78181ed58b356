package io.warmgate.it;

import io.warmgate.it.support.Answers;
import io.warmgate.it.support.RampTarget;
import io.warmgate.it.support.UngatedPath;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.util.List;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

/**
 * {@link RampBehaviour} for the samples that follow the servlet samples' endpoint contract: {@code /health}
 * (polled), {@code /sick/health} (the application says unhealthy), and {@code /livez}, {@code /status} and
 * {@code /api/items} that are never gated ({@code /status} only because nobody configured it; see
 * {@code ExtraGatedPathsIT}). The application answers {@code UP} in plain text. Subclasses choose the sample, a
 * servlet sample or any other {@link RampTarget} with the same endpoints (the JAX-RS samples, for example), and
 * the ramp's aggression.
 */
public abstract class ServletRampBehaviour extends RampBehaviour {

    private final RampTarget target;
    private final double aggression;

    ServletRampBehaviour(SampleKind kind, double aggression) {
        this(RampTarget.of(kind), aggression);
    }

    protected ServletRampBehaviour(RampTarget target, double aggression) {
        this.target = target;
        this.aggression = aggression;
    }

    @Override
    protected String label() {
        return target.label() + "-ramp";
    }

    @Override
    protected SampleProcess startSample(String agentArgs) {
        return target.startWithAgent(label(), agentArgs);
    }

    @Override
    protected double aggression() {
        return aggression;
    }

    @Override
    protected String probedPath() {
        return target.path("/health");
    }

    @Override
    protected List<UngatedPath> ungatedPaths() {
        return List.of(new UngatedPath(target.path("/api/items?id=7"), "{"),
                new UngatedPath(target.path("/livez"), "ALIVE\n"),
                new UngatedPath(target.path("/status"), "OK\n"));
    }

    @Override
    protected List<String> unhealthyPaths() {
        return List.of(target.path("/sick/health"));
    }

    @Override
    protected void assertAppHealthy(String path, HttpResult result) {
        Answers.assertAppHealthy(result);
    }

    @Override
    protected void assertAppUnhealthy(String path, HttpResult result) {
        Answers.assertAppUnhealthy(result);
    }

    @Override
    protected List<Condition<String>> expectedHandlerLines() {
        return List.of(handlerLineForPath(probedPath()));
    }

    @Test
    void anUnhealthyAppStaysUnhealthyForEveryone() {
        assertAnUnhealthyAppStaysUnhealthyForEveryone();
    }
}
