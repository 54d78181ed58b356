package io.warmgate.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the configuration from its three sources. Per key, the agent argument wins over a system property,
 * which wins over an environment variable, which wins over the default. Only the value that wins is checked:
 * a value overridden by a stronger source is not used and cannot do harm.
 *
 * <p>Never throws: the application must start whatever the configuration says. Every problem becomes one
 * message; errors make the agent turn itself off rather than gate with a configuration nobody meant.
 */
public final class ConfigLoader {

    private static final String AGENT_ARGUMENT = "agent argument";
    private static final int MAX_SHOWN_VALUE = 200;

    /** A raw value and where it came from, for messages. */
    private static final class RawValue {
        final String value;
        final String source;

        RawValue(String value, String source) {
            this.value = value;
            this.source = source;
        }
    }

    private ConfigLoader() {
    }

    /**
     * @param agentArgs the {@code -javaagent} argument ("key=value,key=value"; list elements separated by ';'),
     *                  null or empty for none
     * @param sysProps  system properties; {@code warmgate.<key>} are read
     * @param env       environment; {@code WARMGATE_<KEY>} are read (key upper case, '.' and '-' as '_')
     */
    public static ConfigResult load(String agentArgs, Properties sysProps, Map<String, String> env) {
        List<String> errors = new ArrayList<String>();
        List<String> warnings = new ArrayList<String>();
        try {
            Map<ConfigKey, RawValue> values = new EnumMap<ConfigKey, RawValue>(ConfigKey.class);
            readEnvironment(env, values, warnings);
            readSystemProperties(sysProps, values, warnings);
            readAgentArguments(agentArgs, values, errors, warnings);
            WarmgateConfig.Builder config = new WarmgateConfig.Builder();
            for (Map.Entry<ConfigKey, RawValue> entry : values.entrySet()) {
                ConfigKey key = entry.getKey();
                RawValue raw = entry.getValue();
                try {
                    ConfigValues.apply(key, raw.value, config);
                } catch (InvalidValueException invalid) {
                    errors.add(invalidValueError(key, raw, invalid));
                }
            }
            if (errors.isEmpty()) {
                checkCombinations(values, config, errors, warnings);
            }
            return new ConfigResult(errors.isEmpty() ? config.build() : null, errors, warnings);
        } catch (RuntimeException unexpected) {
            errors.add("config: the configuration could not be read (" + unexpected + ")");
            return new ConfigResult(null, errors, warnings);
        }
    }

    /** Values valid on their own may still clash with another key (e.g. POST without warmup.unsafe-methods). */
    private static void checkCombinations(Map<ConfigKey, RawValue> values, WarmgateConfig.Builder config,
            List<String> errors, List<String> warnings) {
        for (Map.Entry<ConfigKey, RawValue> entry : values.entrySet()) {
            try {
                ConfigValues.checkAgainstOtherKeys(entry.getKey(), config);
            } catch (InvalidValueException invalid) {
                errors.add(invalidValueError(entry.getKey(), entry.getValue(), invalid));
            }
            String warning = ConfigValues.ineffectiveValueWarning(entry.getKey(), config);
            if (warning != null) {
                warnings.add(warning);
            }
        }
    }

    private static String invalidValueError(ConfigKey key, RawValue raw, InvalidValueException invalid) {
        return "config: " + key.key() + "=" + shown(ConfigValues.printableValue(key, raw.value.trim())) + " (from "
                + raw.source + ") is not valid; expected " + invalid.expected();
    }

    private static void readEnvironment(Map<String, String> env, Map<ConfigKey, RawValue> values,
            List<String> warnings) {
        if (env == null) {
            return;
        }
        // Sorted, so that warnings come out in the same order on every start.
        for (Map.Entry<String, String> entry : new TreeMap<String, String>(env).entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(ConfigKey.ENV_PREFIX) || entry.getValue() == null) {
                continue;
            }
            ConfigKey key = ConfigKey.byEnvName(name);
            if (key == null) {
                warnings.add(unknownKeyWarning(name, "environment", envNames(), ConfigKey.ENV_PREFIX));
            } else {
                values.put(key, new RawValue(entry.getValue(), "environment " + name));
            }
        }
    }

    private static void readSystemProperties(Properties sysProps, Map<ConfigKey, RawValue> values,
            List<String> warnings) {
        if (sysProps == null) {
            return;
        }
        // stringPropertyNames() is a snapshot of the String-valued entries, sorted here for a stable order.
        for (String name : new TreeSet<String>(sysProps.stringPropertyNames())) {
            if (!name.startsWith(ConfigKey.PROPERTY_PREFIX)) {
                continue;
            }
            String keyName = name.substring(ConfigKey.PROPERTY_PREFIX.length());
            String value = sysProps.getProperty(name);
            ConfigKey key = ConfigKey.byKey(keyName);
            if (key == null) {
                warnings.add(unknownKeyWarning(keyName, "-D" + name, keyNames(), ""));
            } else if (value != null) {
                values.put(key, new RawValue(value, "-D" + name));
            }
        }
    }

    private static void readAgentArguments(String agentArgs, Map<ConfigKey, RawValue> values, List<String> errors,
            List<String> warnings) {
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return;
        }
        Map<ConfigKey, RawValue> fromArguments = new EnumMap<ConfigKey, RawValue>(ConfigKey.class);
        for (String entry : agentArgs.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue; // "a=1,,b=2" and a trailing ',' are harmless
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                errors.add("config: '" + shown(trimmed) + "' (from " + AGENT_ARGUMENT + ") is not valid; expected "
                        + "key=value entries separated by ',', such as duration=90s,aggression=2");
                continue;
            }
            String keyName = trimmed.substring(0, equals).trim();
            ConfigKey key = ConfigKey.byKey(keyName);
            if (key == null) {
                warnings.add(unknownKeyWarning(keyName, AGENT_ARGUMENT, keyNames(), ""));
                continue;
            }
            if (fromArguments.containsKey(key)) {
                warnings.add("config: key '" + key.key() + "' appears more than once in the " + AGENT_ARGUMENT
                        + "; the last value is used");
            }
            fromArguments.put(key, new RawValue(trimmed.substring(equals + 1), AGENT_ARGUMENT));
        }
        values.putAll(fromArguments);
    }

    /**
     * "config: unknown key 'duraton' (from -Dwarmgate.duraton); did you mean 'duration'?", or the list of
     * known keys when none is close.
     */
    static String unknownKeyWarning(String unknown, String source, List<String> known, String prefixToIgnore) {
        String message = "config: unknown key '" + shown(unknown) + "' (from " + source + ")";
        List<String> suggestions = KeySuggestions.closest(unknown, known, prefixToIgnore);
        if (!suggestions.isEmpty()) {
            StringBuilder meant = new StringBuilder();
            for (int i = 0; i < suggestions.size(); i++) {
                meant.append(i == 0 ? "'" : i == suggestions.size() - 1 ? " or '" : ", '")
                        .append(suggestions.get(i)).append('\'');
            }
            return message + "; did you mean " + meant + "?";
        }
        return message + "; known keys: " + join(known);
    }

    private static List<String> keyNames() {
        List<String> names = new ArrayList<String>();
        for (ConfigKey key : ConfigKey.values()) {
            names.add(key.key());
        }
        return names;
    }

    private static List<String> envNames() {
        List<String> names = new ArrayList<String>();
        for (ConfigKey key : ConfigKey.values()) {
            names.add(key.envName());
        }
        return names;
    }

    private static String join(List<String> parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            joined.append(joined.length() == 0 ? "" : ", ").append(part);
        }
        return joined.toString();
    }

    /** A value as quoted in a message: shortened, so a pasted file cannot flood the log. */
    private static String shown(String value) {
        return value.length() <= MAX_SHOWN_VALUE ? value : value.substring(0, MAX_SHOWN_VALUE) + "...";
    }
}
