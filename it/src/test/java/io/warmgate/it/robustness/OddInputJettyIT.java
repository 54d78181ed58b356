package io.warmgate.it.robustness;

import java.nio.file.Path;

/**
 * Odd input on Jetty, through the legacy-libraries sample (root context), which also serves its readiness
 * check with a trailing slash ({@code /ready/}).
 */
class OddInputJettyIT extends OddInputBehaviour {

    @Override
    Path jar() {
        return RobustnessSamples.legacyJar();
    }

    @Override
    String name() {
        return "legacy-libs-odd-input";
    }

    @Override
    String path(String pathInApp) {
        return pathInApp;
    }

    @Override
    String healthServedWithTrailingSlash() {
        return "/ready/";
    }
}
