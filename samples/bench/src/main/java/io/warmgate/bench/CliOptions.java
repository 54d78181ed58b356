package io.warmgate.bench;

import io.warmgate.testkit.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --name value} options of one bench command. The defaults name every accepted option, so a typo is an
 * error instead of a silently ignored setting that would make a benchmark measure something else.
 */
public final class CliOptions {

    private final Map<String, String> values;

    private CliOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The options of a command and their defaults, as name, value, name, value ...; in this order {@link #usage}
     * lists them.
     */
    public static Map<String, String> defaults(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("options and defaults come in pairs: " + List.of(namesAndValues));
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (defaults.put(namesAndValues[i], namesAndValues[i + 1]) != null) {
                throw new IllegalArgumentException("option declared twice: " + namesAndValues[i]);
            }
        }
        return Collections.unmodifiableMap(defaults);
    }

    /**
     * A command's usage: its command line, then {@code preface} (if not empty), then every option with its
     * default, each on a line of its own ({@code   rate=300}).
     */
    public static String usage(String command, String preface, Map<String, String> defaults) {
        StringBuilder text = new StringBuilder("usage: java -jar samples/bench/target/warmgate-bench.jar ")
                .append(command).append(" [--option value ...]");
        if (!preface.isEmpty()) {
            text.append("\n  ").append(preface);
        }
        defaults.forEach((name, value) -> text.append("\n  ").append(name).append('=').append(value));
        return text.toString();
    }

    /**
     * @param defaults every accepted option (without the leading {@code --}) and its default value
     * @throws IllegalArgumentException for an unknown option or a missing value
     */
    public static CliOptions parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !defaults.containsKey(arg.substring(2))) {
                throw new IllegalArgumentException("unknown option: " + arg + " (accepted: --"
                        + String.join(", --", defaults.keySet()) + ")");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            values.put(arg.substring(2), args[++i]);
        }
        return new CliOptions(values);
    }

    public String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("option --" + name + " is not declared");
        }
        return value;
    }

    public int integer(String name, int min, int max) {
        String raw = text(name);
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number from " + min + " to " + max
                + ": " + raw);
    }

    public Duration duration(String name) {
        try {
            return Durations.parse(text(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + ": " + e.getMessage(), e);
        }
    }

    public Path path(String name) {
        return Path.of(text(name)).toAbsolutePath().normalize();
    }

    /** The effective options, for the record of how a result was produced. */
    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append(text.length() == 0 ? "" : " ").append("--").append(name)
                .append(' ').append(value));
        return text.toString();
    }
}
