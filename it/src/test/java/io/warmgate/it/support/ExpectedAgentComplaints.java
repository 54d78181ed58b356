package io.warmgate.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a test class provokes agent complaints on purpose (a bad configuration, a class loader the
 * agent cannot work with), so {@link AgentComplaintCheck} lets those through. Each value is a text that the
 * expected complaint lines contain; every other complaint still fails the class. The test itself should
 * assert that the expected complaints do appear.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface ExpectedAgentComplaints {

    /** Texts contained in the complaint lines this class provokes on purpose. */
    String[] value();
}
