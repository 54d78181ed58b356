package io.warmgate.samples.legacy.plugin;

/** Describes the plugin's deployment for its answers. */
final class PluginInfo {

    private PluginInfo() {
    }

    static String describe(ClassLoader loader) {
        return String.valueOf(loader);
    }
}
