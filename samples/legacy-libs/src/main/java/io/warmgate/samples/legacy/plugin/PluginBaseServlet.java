package io.warmgate.samples.legacy.plugin;

import javax.servlet.http.HttpServlet;

/**
 * The plugin's own servlet base class. It only exists so that the plugin's health servlet has a superclass
 * inside the plugin: a loader that hides its class files then hides part of the servlet's type hierarchy too.
 */
public abstract class PluginBaseServlet extends HttpServlet {

    /** Which deployment this servlet belongs to, from its class loader's description. */
    protected String deployment() {
        return PluginInfo.describe(getClass().getClassLoader());
    }
}
