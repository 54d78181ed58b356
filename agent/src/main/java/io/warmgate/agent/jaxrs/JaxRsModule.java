package io.warmgate.agent.jaxrs;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.EntryHook;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.Arrays;
import java.util.List;

/**
 * JAX-RS health resource methods in both namespaces, and the request entries of the non-servlet containers Jersey
 * runs on, which supply those methods with the peer's address. All woven with ASM alone, no Byte Buddy. JDK types
 * only: this class is loaded at start-up.
 *
 * <p>Resources: guarded by {@link JaxRsOutlineWeaver}, which reads their annotations from the class file.
 *
 * <p>Containers: Grizzly's {@code GrizzlyHttpContainer.service(Request, Response)} and the JDK server's
 * {@code JdkHttpHandlerContainer.handle(HttpExchange)}, where the peer's address is still at hand: their entry
 * hooks capture a gated request for the resource guard on the same thread and decide nothing themselves. Both
 * class names are the same in Jersey 2 (javax) and 3+ (jakarta), and the hooks use no JAX-RS type.
 */
public final class JaxRsModule implements FrameworkModule {

    static final String GRIZZLY_CONTAINER = "org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer";
    static final String JDK_HTTP_CONTAINER = "org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer";

    @Override
    public String name() {
        return "jax-rs";
    }

    @Override
    public List<ClassScreen> screens() {
        return Arrays.asList(
                // Only classes with @Path among their own annotations are resources: its descriptor is a constant.
                ClassScreen.byConstant("javax.ws.rs.Path", "Ljavax/ws/rs/Path;"),
                ClassScreen.byConstant("jakarta.ws.rs.Path", "Ljakarta/ws/rs/Path;"),
                ClassScreen.byName(GRIZZLY_CONTAINER, GRIZZLY_CONTAINER),
                ClassScreen.byName(JDK_HTTP_CONTAINER, JDK_HTTP_CONTAINER));
    }

    @Override
    public String weaverClassName() {
        return null;
    }

    @Override
    public String outlineWeaverClassName() {
        return "io.warmgate.agent.jaxrs.JaxRsOutlineWeaver";
    }

    @Override
    public List<EntryHook> entryHooks() {
        return Arrays.asList(
                EntryHook.inClass("jersey container (grizzly)", GRIZZLY_CONTAINER, "service",
                        "(Lorg/glassfish/grizzly/http/server/Request;Lorg/glassfish/grizzly/http/server/Response;)V",
                        "io.warmgate.agent.jaxrs.GrizzlyRequestHooks"),
                EntryHook.inClass("jersey container (jdk-http)", JDK_HTTP_CONTAINER, "handle",
                        "(Lcom/sun/net/httpserver/HttpExchange;)V", "io.warmgate.agent.jaxrs.JdkHttpExchangeHooks"));
    }
}
