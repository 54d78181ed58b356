package io.warmgate.agent.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.agent.JavaVersionSupport;
import net.bytebuddy.ClassFileVersion;
import org.junit.jupiter.api.Test;

/**
 * The start-up check for a JVM newer than the shaded Byte Buddy understands. No such JVM exists to run the
 * agent on, so the decision is tested with the numbers such a JVM would give; the integration tests check the
 * other side on the real JVMs (UnsupportedSetupIT: the agent starts on them and reads their class files).
 */
class JavaVersionSupportTest {

    @Test
    void readsTheFeatureVersionInBothForms() {
        assertThat(JavaVersionSupport.featureVersion("1.8")).isEqualTo(8);
        assertThat(JavaVersionSupport.featureVersion("17")).isEqualTo(17);
        assertThat(JavaVersionSupport.featureVersion("25")).isEqualTo(25);
        assertThat(JavaVersionSupport.featureVersion(" 29 ")).isEqualTo(29);
        assertThat(JavaVersionSupport.featureVersion(null)).isEqualTo(-1);
        assertThat(JavaVersionSupport.featureVersion("twenty")).isEqualTo(-1);
    }

    @Test
    void aJvmNewerThanByteBuddyKnowsGetsOneClearSentence() {
        assertThat(JavaVersionSupport.problem(29, 28)).isEqualTo("Java 29 is newer than this warmgate build "
                + "supports (it understands class files up to Java 28); use a newer warmgate");
    }

    @Test
    void supportedOrUnknownJvmsAreNotAProblem() {
        assertThat(JavaVersionSupport.problem(8, 28)).isNull();
        assertThat(JavaVersionSupport.problem(28, 28)).isNull();
        assertThat(JavaVersionSupport.problem(-1, 28)).as("a JVM it failed to identify").isNull();
    }

    @Test
    void theStartUpConstantIsTheBundledByteBuddysNewestJava() {
        assertThat(JavaVersionSupport.NEWEST_UNDERSTOOD_JAVA).isEqualTo(ClassFileVersion.latest().getJavaVersion());
    }

    @Test
    void theBundledByteBuddyUnderstandsEveryJavaTheProjectTestsOn() {
        // Java 25 is the newest JDK the integration tests run the samples on.
        assertThat(ClassFileVersion.latest().getJavaVersion()).isGreaterThanOrEqualTo(25);
        assertThat(JavaVersionSupport.problem(JavaVersionSupport.featureVersion(
                System.getProperty("java.specification.version")), ClassFileVersion.latest().getJavaVersion())).isNull();
    }
}
