package io.warmgate.agent.jaxrs;

/**
 * The packages of the libraries a JAX-RS application is made of (the JAX-RS runtime, its dependency injection, the
 * HTTP containers, JSON, logging), which never hold an application's health resources.
 *
 * <p>Why it exists: in a fat-jar service most classes that mention {@code @Path} at all are the JAX-RS runtime's
 * own. The name is known before anything else about the class, so checking it first spares looking at their
 * methods and their super types' annotations.
 */
final class FrameworkPackages {

    private static final String[] PREFIXES = {
        "javax.", "jakarta.",
        "org.glassfish.", "org.jvnet.", "org.eclipse.jetty.", "io.netty.", "io.undertow.", "io.vertx.",
        "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.", "org.apache.cxf.",
        "org.jboss.resteasy.", "org.jboss.logging.", "org.jboss.weld.",
        "com.fasterxml.jackson.", "com.google.", "org.slf4j.", "ch.qos.logback.", "org.apache.logging.",
        "kotlin.", "scala.", "org.springframework.", "io.micrometer.", "org.hibernate.", "org.objectweb.asm.",
        "jersey.repackaged.",
    };

    private FrameworkPackages() {
    }

    /** @param binaryName e.g. {@code org.glassfish.jersey.server.wadl.internal.WadlResource} */
    static boolean contains(String binaryName) {
        for (String prefix : PREFIXES) {
            if (binaryName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
