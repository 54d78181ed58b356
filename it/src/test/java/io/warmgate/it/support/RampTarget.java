package io.warmgate.it.support;

import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;

/**
 * A sample the ramp tests can run against: how to fork it with the agent, and where its endpoints live. The
 * servlet samples are {@link #of(SampleKind)}; other samples (JAX-RS, Spring) provide their own, so the same
 * ramp assertions cover every framework.
 */
public interface RampTarget {

    /** Short name for logs and timing reports, e.g. "tomcat". */
    String label();

    /** A path inside the sample's application, e.g. {@code /health} becomes {@code /shop/health}. */
    String path(String pathInApp);

    /** Forks the sample with the agent and these agent arguments, and waits until it listens. */
    SampleProcess startWithAgent(String name, String agentArgs);

    /** One of the servlet samples. */
    static RampTarget of(SampleKind kind) {
        return new RampTarget() {
            @Override
            public String label() {
                return kind.label();
            }

            @Override
            public String path(String pathInApp) {
                return kind.path(pathInApp);
            }

            @Override
            public SampleProcess startWithAgent(String name, String agentArgs) {
                return ItEnvironment.startWithAgent(kind, name, agentArgs);
            }
        };
    }
}
