package io.warmgate.agent.jaxrs;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Matches classes of the libraries a JAX-RS application is made of (the JAX-RS runtime, its dependency
 * injection, the HTTP containers, JSON, logging), which never hold an application's health resources.
 *
 * <p>Why it exists: looking at a class's annotations and methods costs tens of microseconds on a JVM that is
 * still cold, and in a fat-jar service most classes that mention {@code @Path} at all are the JAX-RS runtime's
 * own. The name is known before anything else about the class, so checking it first costs next to nothing. (On
 * the Jersey 3 sample, before the agent screened class files for a {@code @Path} constant, this filter alone
 * brought JAX-RS matching from 45-100 ms down to 7-33 ms; with the screen in front, it still spares the
 * runtime's own {@code @Path} classes.)
 */
final class FrameworkPackages extends ElementMatcher.Junction.AbstractBase<TypeDescription> {

    private static final String[] PREFIXES = {
        "javax.", "jakarta.",
        "org.glassfish.", "org.jvnet.", "org.eclipse.jetty.", "io.netty.", "io.undertow.", "io.vertx.",
        "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.", "org.apache.cxf.",
        "org.jboss.resteasy.", "org.jboss.logging.", "org.jboss.weld.",
        "com.fasterxml.jackson.", "com.google.", "org.slf4j.", "ch.qos.logback.", "org.apache.logging.",
        "kotlin.", "scala.", "org.springframework.", "io.micrometer.", "org.hibernate.", "org.objectweb.asm.",
        "jersey.repackaged.",
    };

    @Override
    public boolean matches(TypeDescription type) {
        String name = type.getName();
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "frameworkPackages";
    }
}
