package io.warmgate.agent.undertow;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.Collections;
import java.util.List;

/**
 * Undertow's core handlers ({@code io.undertow.server.HttpHandler}, no servlets), gated at the one method every
 * request enters (see {@link UndertowWeaver}). JDK types only: this class is loaded at start-up.
 */
public final class UndertowModule implements FrameworkModule {

    static final String CONNECTORS = "io.undertow.server.Connectors";

    @Override
    public String name() {
        return "undertow";
    }

    @Override
    public List<ClassScreen> screens() {
        return Collections.singletonList(ClassScreen.byName(CONNECTORS, CONNECTORS));
    }

    @Override
    public String weaverClassName() {
        return "io.warmgate.agent.undertow.UndertowWeaver";
    }
}
