package io.warmgate.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLoadLogTest {

    private static final List<String> LOG = List.of(
            "[0.010s] java.lang.Object source: shared objects file",
            "[0.081s] sun.instrument.InstrumentationImpl source: jrt:/java.instrument",
            "[0.090s] io.warmgate.agent.WarmgateAgent source: file:/opt/my%20app/warmgate-agent.jar",
            "[0.095s] io.warmgate.bridge.Denial source: __JVM_DefineClass__",
            "[0.096s] java.lang.invoke.LambdaForm$MH/0x0000000800c01000 source: __JVM_LookupDefineClass__",
            "[0.097s] io.warmgate.agent.AgentStarter source: file:/opt/my%20app/warmgate-agent.jar",
            "[0.120s] org.example.Main source: file:/opt/app/app.jar",
            "[0.130s] io.warmgate.agent.GateRuntime source: file:/opt/my%20app/warmgate-agent.jar");

    @Test
    void countsTheAgentsJarClassesAndItsBridgeBeforeTheMainClassOnly() {
        ClassLoadLog.BeforeMain counted = ClassLoadLog.count(LOG, "org.example.Main", "warmgate-agent.jar");

        assertThat(counted.agentClasses()).isEqualTo(3);
        assertThat(counted.allClasses()).isEqualTo(6);
        assertThat(counted.mainClassSeen()).isTrue();
    }

    @Test
    void countsNoAgentClassWithoutAnAgentAndSaysWhenTheMainClassNeverLoaded() {
        assertThat(ClassLoadLog.count(LOG, "org.example.Main", null).agentClasses()).isZero();

        ClassLoadLog.BeforeMain whole = ClassLoadLog.count(LOG, "org.example.Other", "warmgate-agent.jar");
        assertThat(whole.mainClassSeen()).isFalse();
        assertThat(whole.allClasses()).isEqualTo(8);
        assertThat(whole.agentClasses()).isEqualTo(4);
    }

    @Test
    void anotherJarWithTheSameEndingIsNotTheAgent() {
        List<String> log = List.of("[0.1s] a.B source: file:/x/not-warmgate-agent.jar", "[0.2s] M source: file:/a.jar");

        assertThat(ClassLoadLog.count(log, "M", "warmgate-agent.jar").agentClasses()).isZero();
    }
}
