package io.warmgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.HealthPathMatcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Keeps src/docs/configuration.md in step with the code: every key, both word lists, the quoted messages. */
class ConfigurationDocTest {

    /** Surefire runs in the agent module's directory; the docs live at the repository root. */
    private static final Path DOC = Path.of("..", "src", "docs", "configuration.md");

    /** The doc with every run of white space (including line breaks of wrapped prose) as one space. */
    private static String doc() throws IOException {
        return Files.readString(DOC, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    /**
     * The key table is generated from the key declarations; the doc must contain it as generated. To refresh it:
     * {@code java -cp agent/target/classes io.warmgate.config.ConfigReference}, and paste the output over the
     * table under "## Keys".
     */
    @Test
    void theKeyTableIsTheGeneratedOne() throws IOException {
        String table = ConfigReference.keyTable();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("src/docs/configuration.md must contain the key table exactly as ConfigReference generates it; "
                        + "run java -cp agent/target/classes io.warmgate.config.ConfigReference and paste it")
                .contains(table);
        for (Key<?> key : Keys.ALL) {
            assertThat(table).contains("| `" + key.name() + "` |");
        }
    }

    @Test
    void theWordListsAreTheMatchersOnes() throws IOException {
        String doc = doc();
        for (String word : HealthPathMatcher.HEALTH_WORDS) {
            assertThat(doc).contains("`" + word + "`");
        }
        assertThat(doc).contains("`live`, `livez`, `liveness`, `alive`");
        assertThat(doc).contains("`health`, `healthz`, `healthcheck`, `health-check`, `ready`, `readyz`, `readiness`");
    }

    @Test
    void quotedMessagesAreTheRealOnes() throws IOException {
        String doc = doc();
        Map<String, String> env = new HashMap<>();
        Properties props = new Properties();
        assertThat(doc).contains(ConfigLoader.load("duration=banana", props, env).errors().get(0));
        assertThat(doc).contains(ConfigLoader.load("paths=health", props, env).errors().get(0)
                .replace("(from agent argument)", "(from -Dwarmgate.paths)"));
        env.put("WARMGATE_MIN_PERCENT", "150");
        assertThat(doc).contains(ConfigLoader.load(null, props, env).errors().get(0));
        env.clear();
        env.put("WARMGATE_MIN_PRECENT", "5");
        assertThat(doc).contains(ConfigLoader.load(null, props, env).warnings().get(0));
        env.clear();
        props.setProperty("warmgate.duraton", "5s");
        assertThat(doc).contains(ConfigLoader.load(null, props, env).warnings().get(0));
    }
}
