package io.warmgate.config;

/**
 * The configuration reference's key table, generated from the declarations in {@link Keys}, so that the
 * reference (src/docs/configuration.md) can never drift from the code: a test compares the two, and
 * {@code java -cp agent/target/classes io.warmgate.config.ConfigReference} prints the table to paste.
 */
public final class ConfigReference {

    private ConfigReference() {
    }

    /** The Markdown table: one row per key, plus the per-framework switch. */
    public static String keyTable() {
        StringBuilder table = new StringBuilder(4096)
                .append("| Key | Default | Accepted values |\n")
                .append("|---|---|---|\n");
        for (Key<?> key : Keys.ALL) {
            row(table, "`" + key.name() + "`", key.shownDefault(), key.referenceForm());
        }
        Key<Boolean> frameworkSwitch = Keys.frameworkSwitch("<framework>");
        row(table, "`<framework>.enabled`", frameworkSwitch.shownDefault(), frameworkSwitch.expected()
                + "; `false` leaves that framework's classes untouched (frameworks: see the README)");
        return table.toString();
    }

    private static void row(StringBuilder table, String key, String shownDefault, String expected) {
        table.append("| ").append(key).append(" | ").append(shownDefault).append(" | ")
                .append(expected.replace("|", "\\|")).append(" |\n");
    }

    public static void main(String[] args) {
        System.out.print(keyTable());
    }
}
