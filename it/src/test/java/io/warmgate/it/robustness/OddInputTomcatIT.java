package io.warmgate.it.robustness;

import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.SampleKind;
import java.nio.file.Path;

/** Odd input on the Tomcat sample (context /shop). Tomcat serves nothing at /shop/health/, so a 404 it is. */
class OddInputTomcatIT extends OddInputBehaviour {

    @Override
    Path jar() {
        return ItEnvironment.sampleJar(SampleKind.TOMCAT);
    }

    @Override
    String name() {
        return "tomcat-odd-input";
    }

    @Override
    String path(String pathInApp) {
        return SampleKind.TOMCAT.path(pathInApp);
    }

    @Override
    String healthServedWithTrailingSlash() {
        return path("/health/");
    }
}
